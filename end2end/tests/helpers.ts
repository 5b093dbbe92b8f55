import AxeBuilder from '@axe-core/playwright';
import { BrowserContext, expect, Page, test } from '@playwright/test';

export const PASSWORD = 'demo-taskforce';

export const people = {
  secretariat: 'ann.maskell@example.org',
  chair: 'marie.louise.refsgaard@example.org',
  member: 'jonas.dahl@example.org',
  steering: 'styregruppe@example.org',
};

/** What the browser refused under the Content-Security-Policy, per page. */
const refusals = new WeakMap<Page, string[]>();

/** Records every Content-Security-Policy refusal the browser reports on this page. */
export function watchPolicy(page: Page) {
  if (refusals.has(page)) {
    return;
  }
  const seen: string[] = [];
  refusals.set(page, seen);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      seen.push(message.text());
    }
  });
}

function javaScriptIsOn(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/**
 * Every page a test visits is scanned against WCAG 2.1 A and AA and axe's best practices
 * (landmarks, heading order, …); any violation fails it.
 * axe-core needs timers, which a page without JavaScript does not run; there the document as
 * rendered (scripts removed) is scanned in a scratch page on the same origin, with its CSS.
 */
export async function expectAccessible(page: Page) {
  watchPolicy(page);
  expect(refusals.get(page), `Content-Security-Policy refusals on ${page.url()}`).toEqual([]);
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!javaScriptIsOn()) {
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, '');
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await scratch.newPage();
    await target.goto(new URL('/healthz', page.url()).href);
    await target.setContent(html, { waitUntil: 'load' });
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  await scratch?.close();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** With JavaScript on, waits until the bundle has loaded so clicks go to the hydrated app. */
export async function settled(page: Page) {
  if (javaScriptIsOn()) {
    await page.waitForLoadState('networkidle');
  }
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  watchPolicy(page);
  await page.goto('/login');
  await settled(page);
  await page.getByLabel(/^(E-mailadresse|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Log ind|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await settled(page);
}
