import { Browser, expect, Page, test } from '@playwright/test';
import { expectAccessible, people, settled, signIn } from './helpers';
import { answerLink, messagesTo } from './mail';

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('publishing sends invitations through SMTP, and an answer link records the answer for the secretariat', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const title = `Invitationstest (${info.project.name})`;
  const ann = await as(browser, people.secretariat);
  await ann.goto('/meetings/new');
  await settled(ann);
  await ann.getByLabel('Titel').fill(title);
  await ann.getByLabel('Dato').fill('2022-09-13');
  await ann.getByLabel('Starttidspunkt').fill('10:00');
  await ann.getByLabel('Sluttidspunkt').fill('12:00');
  await ann.getByLabel('Sted').fill('Danske Regioner');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.getByRole('heading', { level: 1 })).toContainText(title);
  await settled(ann);
  const meetingUrl = ann.url();
  await ann.getByRole('button', { name: 'Send til formandens godkendelse' }).click();
  await expect(ann.getByText('Dagsordenen afventer formandens godkendelse.')).toBeVisible();

  const chair = await as(browser, people.chair);
  await chair.goto(meetingUrl);
  await settled(chair);
  await chair.getByRole('button', { name: 'Godkend dagsordenen' }).click();
  await expect(chair.getByText('Formanden har godkendt dagsordenen.')).toBeVisible();

  const meetingId = meetingUrl.split('/').pop() ?? '';
  await ann.goto(meetingUrl);
  await settled(ann);
  await ann.getByRole('button', { name: 'Udsend dagsordenen' }).click();
  await expect(ann.locator('.status-tag').first()).toHaveText('Udsendt');

  // The outbox fills and drains: the worker delivers to the SMTP server.
  await expect(async () => {
    await ann.reload();
    await expect(ann.locator('.outbox-progress')).toHaveText('I kø: 0 · Sendt: 10 · Fejlet: 0');
  }).toPass({ timeout: 30_000 });
  await expect(ann.locator('table.invitees-table tbody tr')).toHaveCount(10);
  await expectAccessible(ann);

  const mails = messagesTo('jonas.dahl@example.org', meetingId);
  expect(mails.length).toBe(1);
  const invitation = mails[0];
  expect(invitation).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
  const link = answerLink(invitation, 'accepted');

  // Jonas answers through the link, without signing in.
  const jonas = await (await browser.newContext()).newPage();
  await jonas.goto(link);
  await expect(jonas.getByRole('heading', { level: 1, name: 'Svar på invitation' })).toBeVisible();
  await expect(jonas.getByLabel('Deltager')).toBeChecked();
  await expectAccessible(jonas);
  await settled(jonas);
  await jonas.getByRole('button', { name: 'Gem svar' }).click();
  await expect(jonas.getByText('Tak. Dit svar er gemt:')).toBeVisible();

  // A tampered link is refused with a clear page.
  const tampered = link.replace(/\/rsvp\/(\d+)\./, (_, id) => `/rsvp/${Number(id) + 1}.`);
  const refused = await jonas.goto(tampered);
  expect(refused?.status()).toBe(404);
  await expect(jonas.getByText('Linket er ugyldigt.', { exact: false })).toBeVisible();

  // The secretariat sees the answer.
  await ann.reload();
  await expect(ann.locator('table.invitees-table tr', { hasText: 'Jonas Dahl' })).toContainText('Deltager');
});

test('the outbox page lists every message and a member cannot open it', async ({ browser }) => {
  const ann = await as(browser, people.secretariat);
  await ann.getByRole('link', { name: 'Udbakke' }).click();
  await expect(ann.getByRole('heading', { level: 1, name: 'Udbakke' })).toBeVisible();
  await expect(ann.locator('table.outbox-table tbody tr').first()).toBeVisible();
  await expectAccessible(ann);
  const member = await as(browser, people.member);
  const response = await member.goto('/outbox');
  expect(response?.status()).toBe(403);
});

test('a person copies their calendar feed, which serves the meetings they may see', async ({ page, request }) => {
  await signIn(page, people.member);
  await page.getByRole('link', { name: 'Min kalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min kalender' })).toBeVisible();
  const url = await page.getByLabel('Kalenderadresse').inputValue();
  expect(url).toMatch(/\/calendar\/[0-9a-f]{48}\.ics$/);
  await expectAccessible(page);
  const feed = await request.get(new URL(url).pathname);
  expect(feed.status()).toBe(200);
  const body = (await feed.text()).replace(/\r\n /g, '');
  expect(body).toContain('METHOD:PUBLISH');
  expect(body).toContain('Foreløbige resultater af surveyen');
  expect(body).not.toContain('Afrapportering og anbefalinger');
});
