import { Browser, expect, Page, test } from '@playwright/test';
import { expectAccessible, people, settled, signIn } from './helpers';
import { mailedLink, noticesTo } from './mail';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A fresh browser with nobody signed in. */
async function stranger(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Waits for the worker to deliver a notice to the SMTP server and returns its link. */
async function linkMailedTo(recipient: string, kind: 'sign_in_link' | 'welcome'): Promise<string> {
  let link = '';
  await expect(async () => {
    const mails = noticesTo(recipient, kind);
    expect(mails.length, `a ${kind} mail to ${recipient}`).toBeGreaterThan(0);
    link = mailedLink(mails[mails.length - 1]);
  }).toPass({ timeout: 20_000 });
  return link;
}

async function addPerson(
  page: Page,
  person: { name: string; organisation: string; email: string; role: string; deputyFor?: string },
) {
  await page.goto('/people');
  await settled(page);
  await page.getByRole('link', { name: 'Tilføj person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilføj person' })).toBeVisible();
  await settled(page);
  await page.getByLabel('Navn').fill(person.name);
  await page.getByLabel('Titel').fill('Direktør');
  await page.getByLabel('Organisation').fill(person.organisation);
  await page.getByLabel('Sektor').selectOption({ label: 'Region' });
  await page.getByLabel('E-mailadresse').fill(person.email);
  await page.getByLabel('Rolle').selectOption({ label: person.role });
  if (person.deputyFor) {
    await page.getByLabel('Stedfortræder for').selectOption({ label: person.deputyFor });
  }
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toHaveText(/Personen er tilføjet/);
  await expect(page.locator('tr', { hasText: person.email })).toContainText(person.name);
}

/** Deactivates the person on their page; they are signed out and their history stays. */
async function deactivate(page: Page, email: string) {
  await page.goto('/people');
  await settled(page);
  await page.locator('tr', { hasText: email }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ret person' })).toBeVisible();
  await settled(page);
  await page.getByRole('button', { name: 'Deaktivér' }).click();
  await expect(page.getByRole('status')).toHaveText(/Personen er deaktiveret/);
  await expect(page.locator('tr', { hasText: email })).toContainText('Deaktiveret');
}

/** Opens a welcome link, chooses a password and lands signed in on the profile. */
async function welcome(browser: Browser, link: string, name: string, password: string): Promise<Page> {
  const page = await stranger(browser);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen – vælg din adgangskode' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ny adgangskode').fill(password);
  await page.getByLabel('Gentag den nye adgangskode').fill(password);
  await page.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(page).toHaveURL(/\/profile\?message=password-set$/);
  await expect(page.getByRole('status')).toHaveText('Din adgangskode er gemt, og du er logget ind.');
  await expect(page.locator('.username')).toHaveText(name);
  return page;
}

test('the secretariat adds a member and a deputy; both sign in from their welcome mail and the deputy reads the member’s papers', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const run = info.project.name;
  const member = { name: 'Mikkel Højgaard Nørby', email: `mikkel.${run}@example.org` };
  const deputy = { name: 'Søren Ægidius Østergård', email: `soeren.${run}@example.org` };
  const ann = await as(browser, people.secretariat);
  await ann.getByRole('link', { name: 'Personer' }).click();
  await expect(ann.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
  await expectAccessible(ann);

  // A mistake is named next to its field and nothing typed is lost.
  await ann.getByRole('link', { name: 'Tilføj person' }).click();
  await settled(ann);
  await ann.getByLabel('Navn').fill(member.name);
  await ann.getByLabel('E-mailadresse').fill('mikkel@[127.0.0.1]');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.locator('#email-error')).toHaveText(/Efter @ skal der stå et domænenavn/);
  await expect(ann.getByLabel('Navn')).toHaveValue(member.name);
  await expectAccessible(ann);

  await addPerson(ann, { ...member, organisation: 'Region Syddanmark', role: 'Medlem' });
  await addPerson(ann, {
    ...deputy,
    organisation: 'Region Syddanmark',
    role: 'Stedfortræder',
    deputyFor: member.name,
  });
  await expect(ann.locator('tr', { hasText: deputy.email })).toContainText(`Stedfortræder for ${member.name}`);
  await expect(ann.locator('tr', { hasText: member.email })).toContainText('Har ikke valgt adgangskode endnu');
  await expectAccessible(ann);

  // The member signs in from the welcome mail as the SMTP server received it.
  const mikkel = await welcome(browser, await linkMailedTo(member.email, 'welcome'), member.name, 'mit-eget-kodeord');
  await mikkel.getByRole('button', { name: 'Log af' }).click();
  await signIn(mikkel, member.email, 'mit-eget-kodeord');
  await expect(mikkel.locator('.username')).toHaveText(member.name);

  // A paper on the published meeting 4, which the member is invited to.
  await ann.goto('/');
  await settled(ann);
  await ann.getByRole('link', { name: /Foreløbige resultater af surveyen/ }).first().click();
  await expect(ann.getByRole('heading', { level: 1 })).toContainText('Foreløbige resultater af surveyen');
  await settled(ann);
  const meetingUrl = ann.url();
  const paperTitle = `Notat til stedfortræderen (${run})`;
  const item = ann.locator('li.agenda-item').nth(1);
  await item.getByText('Vedhæft bilag').click();
  await item.getByLabel(/^Fil/).setInputFiles({ name: 'Notat.pdf', mimeType: 'application/pdf', buffer: PDF });
  await item.getByLabel('Titel på bilaget (valgfri)').fill(paperTitle);
  await item.getByRole('button', { name: 'Upload bilag' }).click();
  await expect(ann.getByRole('link', { name: paperTitle })).toBeVisible();

  // The deputy chooses a password, then reads the meeting and opens the paper, as the member can.
  const soeren = await welcome(browser, await linkMailedTo(deputy.email, 'welcome'), deputy.name, 'stedfortraeder-1');
  await soeren.goto(meetingUrl);
  await expect(soeren.getByRole('heading', { level: 1 })).toContainText('Foreløbige resultater af surveyen');
  const paper = soeren.getByRole('link', { name: paperTitle });
  await expect(paper).toBeVisible();
  const download = await soeren.request.get((await paper.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');
  await expectAccessible(soeren);

  // Deactivated, both are signed out at once; the taskforce is back to its seed.
  await deactivate(ann, deputy.email);
  await deactivate(ann, member.email);
  await expectAccessible(ann);
  await mikkel.goto('/');
  await expect(mikkel).toHaveURL(/\/login\?next=%2F$/);
  await soeren.goto(meetingUrl);
  await expect(soeren).toHaveURL(/\/login\?next=/);
});

test('a member signs in with a link from their e-mail, and the used link says so plainly', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await stranger(browser);
  await page.goto('/login');
  await settled(page);
  const before = noticesTo(people.member, 'sign_in_link').length;
  await page.getByLabel('E-mailadresse til linket').fill(people.member);
  await page.getByRole('button', { name: 'Send mig et link' }).click();
  await expect(page.getByRole('status')).toHaveText(/Hvis adressen hører til en person i mødesystemet/);
  await expectAccessible(page);
  await expect(async () => {
    expect(noticesTo(people.member, 'sign_in_link').length).toBeGreaterThan(before);
  }).toPass({ timeout: 20_000 });
  const link = await linkMailedTo(people.member, 'sign_in_link');

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med link' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.username')).toHaveText('Jonas Dahl');

  const again = await stranger(browser);
  const response = await again.goto(link);
  expect(response?.status()).toBe(410);
  await expect(again.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Send mig et link' })).toBeVisible();
  await expectAccessible(again);
});

test('my profile lists this browser, and “sign out everywhere” ends every session', async ({ browser }) => {
  const first = await as(browser, people.chair);
  const second = await as(browser, people.chair);
  await second.getByRole('link', { name: 'Min profil' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
  await expect(second.locator('table.sessions-table')).toContainText('denne browser');
  await expectAccessible(second);
  await settled(second);
  await second.getByRole('button', { name: 'Log ud alle steder' }).click();
  await expect(second).toHaveURL(/\/login\?message=signed-out-everywhere$/);
  await expect(second.getByRole('status')).toHaveText('Du er logget ud alle steder.');
  await first.goto('/');
  await expect(first).toHaveURL(/\/login\?next=%2F$/);
});
