import { Browser, expect, Locator, Page, test } from '@playwright/test';
import { expectAccessible, people, settled, signIn } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Drags with the mouse the way a person does: press, move a little, move onto the target, release. */
async function drag(page: Page, handle: Locator, target: Locator) {
  await handle.hover();
  await page.mouse.down();
  const start = (await handle.boundingBox())!;
  await page.mouse.move(start.x + 40, start.y - 40, { steps: 5 });
  await target.hover();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

async function addItem(page: Page, fields: { kind: 'B' | 'D' | 'O'; title: string; minutes: string; indstilling?: string; closed?: boolean }) {
  await page.getByRole('link', { name: 'Tilføj punkt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt punkt på dagsordenen' })).toBeVisible();
  await settled(page);
  await page.locator(`#kind-${fields.kind}`).check();
  await page.getByLabel('Titel', { exact: true }).fill(fields.title);
  await page.getByLabel('Resumé').fill(`Resumé af **${fields.title}**.`);
  if (fields.indstilling) {
    await page.getByLabel('Indstilling').fill(fields.indstilling);
  }
  await page.getByLabel('Varighed i minutter').fill(fields.minutes);
  if (fields.closed) {
    await page.getByLabel(/Lukket punkt/).check();
  }
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dagsorden' })).toBeVisible();
  await settled(page);
}

test('the secretariat plans a meeting, the chair approves, and a member reads it and downloads its paper', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const title = `Temamøde om onboarding (${info.project.name})`;
  const ann = await as(browser, people.secretariat);

  // Plan the meeting; a meeting that ends before it starts is refused next to the field.
  await ann.getByRole('link', { name: 'Planlæg nyt møde' }).click();
  await expect(ann.getByRole('heading', { level: 1, name: 'Planlæg nyt møde' })).toBeVisible();
  await settled(ann);
  await ann.getByLabel('Titel').fill(title);
  await ann.getByLabel('Dato').fill('2022-08-30');
  await ann.getByLabel('Starttidspunkt').fill('13:00');
  await ann.getByLabel('Sluttidspunkt').fill('12:00');
  await ann.getByLabel('Sted').fill('Frederiksberg Rådhus');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.locator('#end-error')).toHaveText('Mødet skal slutte efter, det begynder.');
  await expect(ann.getByLabel('Titel')).toHaveValue(title);
  await expectAccessible(ann);
  await ann.getByLabel('Sluttidspunkt').fill('15:00');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.getByRole('heading', { level: 1, name: new RegExp(title.replace(/[()]/g, '.')) })).toBeVisible();
  await settled(ann);
  const meetingUrl = ann.url();
  await expect(ann.locator('li.agenda-item')).toHaveCount(3);

  // A decision item without an indstilling is refused, and nothing typed is lost.
  await ann.getByRole('link', { name: 'Tilføj punkt' }).click();
  await settled(ann);
  await ann.locator('#kind-B').check();
  await ann.getByLabel('Titel', { exact: true }).fill('Godkendelse af temaer');
  await ann.getByLabel('Varighed i minutter').fill('20');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.locator('#indstilling-error')).toHaveText('Et beslutningspunkt (B) skal have en indstilling.');
  await expect(ann.getByLabel('Titel', { exact: true })).toHaveValue('Godkendelse af temaer');
  await expectAccessible(ann);
  await ann.getByLabel('Indstilling').fill('Det indstilles, at taskforcen godkender temaerne.');
  await ann.getByRole('button', { name: 'Gem' }).click();
  await expect(ann.getByRole('heading', { level: 2, name: 'Dagsorden' })).toBeVisible();
  await settled(ann);

  await addItem(ann, { kind: 'D', title: 'Erfaringer med onboarding', minutes: '40' });
  await addItem(ann, { kind: 'O', title: 'Fortrolig personsag', minutes: '10', closed: true });
  await expect(ann.locator('li.agenda-item')).toHaveCount(6);
  await expect(ann.locator('li.agenda-item').last()).toContainText('Eventuelt');

  // Attach a paper to the decision item.
  const decision = ann.locator('li.agenda-item', { hasText: 'Godkendelse af temaer' });
  await decision.getByText('Vedhæft bilag').click();
  await decision.getByLabel(/^Fil/).setInputFiles({ name: 'Temaer.pdf', mimeType: 'application/pdf', buffer: PDF });
  await decision.getByLabel('Titel på bilaget (valgfri)').fill('Notat om temaer');
  await decision.getByRole('button', { name: 'Upload bilag' }).click();
  await expect(ann.locator('li.agenda-item', { hasText: 'Godkendelse af temaer' }).getByRole('link', { name: 'Notat om temaer' })).toBeVisible();
  await settled(ann);
  await expectAccessible(ann);

  await ann.getByRole('button', { name: 'Send til formandens godkendelse' }).click();
  await expect(ann.getByText('Dagsordenen afventer formandens godkendelse.')).toBeVisible();

  // The chair approves.
  const chair = await as(browser, people.chair);
  await chair.goto(meetingUrl);
  await settled(chair);
  await expect(chair.getByRole('heading', { name: /Fortrolig personsag/ })).toBeVisible();
  await expectAccessible(chair);
  await chair.getByRole('button', { name: 'Godkend dagsordenen' }).click();
  await expect(chair.getByText('Formanden har godkendt dagsordenen.')).toBeVisible();

  // The secretariat publishes.
  await ann.goto(meetingUrl);
  await settled(ann);
  await ann.getByRole('button', { name: 'Udsend dagsordenen' }).click();
  await expect(ann.locator('.status-tag')).toHaveText('Udsendt');

  // A member reads the agenda, downloads the paper, and sees only that the closed item exists.
  const member = await as(browser, people.member);
  await member.getByRole('link', { name: title }).click();
  await expect(member.getByRole('heading', { level: 1 })).toContainText(title);
  const items = member.locator('li.agenda-item');
  await expect(items).toHaveCount(6);
  await expect(items.nth(2)).toContainText('Godkendelse af temaer');
  await expect(items.nth(2)).toContainText('Det indstilles, at taskforcen godkender temaerne.');
  await expect(items.nth(2)).toContainText('kl. 13.15');
  await expect(member.getByText('Fortrolig personsag')).toHaveCount(0);
  await expect(member.locator('li.agenda-item--closed')).toContainText('Lukket punkt');
  await expect(member.getByRole('button', { name: /Flyt|Fjern/ })).toHaveCount(0);
  await expectAccessible(member);
  const [download] = await Promise.all([
    member.waitForEvent('download'),
    member.getByRole('link', { name: 'Notat om temaer' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Temaer.pdf');

  // The printable meeting pack carries the agenda and the papers list, not the closed item.
  await member.goto(`${meetingUrl}/print`);
  await expect(member.getByRole('heading', { level: 1, name: 'Mødepakke' })).toBeVisible();
  await expect(member.getByText('Notat om temaer')).toBeVisible();
  await expect(member.getByText('Fortrolig personsag')).toHaveCount(0);
  await expectAccessible(member);
});

test('the secretariat reorders items without JavaScript-only controls and reads the change log', async ({ page }) => {
  await signIn(page, people.secretariat);
  await page.goto('/meetings/6');
  await settled(page);
  const first = page.locator('li.agenda-item').first();
  await expect(first).toContainText('Godkendelse af dagsorden');
  await first.getByRole('button', { name: 'Flyt ned: punkt 1' }).click();
  await expect(page.locator('li.agenda-item').nth(1)).toContainText('Godkendelse af dagsorden');
  await settled(page);
  await page.locator('li.agenda-item').nth(1).getByRole('button', { name: 'Flyt op: punkt 2' }).click();
  await expect(page.locator('li.agenda-item').first()).toContainText('Godkendelse af dagsorden');
  await page.getByRole('link', { name: 'Ændringslog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ændringslog' })).toBeVisible();
  await expect(page.locator('table.audit-table tbody tr').first()).toContainText('item.moved');
  await expectAccessible(page);
});

test('with JavaScript an item can also be dragged to a new place; without it nothing suggests dragging', async ({ page }) => {
  await signIn(page, people.secretariat);
  await page.goto('/meetings/6');
  await settled(page);
  const items = page.locator('li.agenda-item');
  await expect(items.first()).toContainText('Godkendelse af dagsorden');
  if (test.info().project.use.javaScriptEnabled === false) {
    await expect(page.locator('.drag-handle')).toHaveCount(0);
    return;
  }
  const third = await items.nth(2).getAttribute('id');
  const first = await items.nth(0).getAttribute('id');
  await expect(items.nth(2).locator('.drag-handle')).toHaveAttribute('title', /Træk for at flytte/);
  await drag(page, items.nth(2).locator('.drag-handle'), items.nth(0));
  await expect(items.nth(0)).toHaveAttribute('id', third!);
  await expect(items.nth(1)).toHaveAttribute('id', first!);
  await expect(items.nth(0).locator('h3')).toContainText(/^\S*\s*1\. /);
  await settled(page);
  await expectAccessible(page);
  // And back again, so the demo agenda is as it was.
  await drag(page, items.nth(0).locator('.drag-handle'), items.nth(2));
  await expect(items.nth(2)).toHaveAttribute('id', third!);
  await expect(items.nth(0)).toHaveAttribute('id', first!);
});

test('a member cannot open a draft meeting or the planning pages', async ({ page }) => {
  await signIn(page, people.member);
  const draft = await page.goto('/meetings/6');
  expect(draft?.status()).toBe(404);
  const planning = await page.goto('/meetings/4/items/new');
  expect(planning?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expectAccessible(page);
});
