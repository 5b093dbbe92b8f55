import { expect, test } from '@playwright/test';
import { expectAccessible, people, settled, signIn } from './helpers';

test('the sign-in page is Danish and accessible', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expectAccessible(page);
});

test('the secretariat signs in and sees the six meetings with the next one highlighted', async ({ page }) => {
  await signIn(page, people.secretariat);
  // Other specs may have planned more meetings on the shared demo database; the six are there.
  for (const number of [1, 2, 3, 4, 5, 6]) {
    await expect(page.locator(`table.meetings-table tr[data-meeting="${number}"]`)).toHaveCount(1);
  }
  const next = page.locator('tr.next-meeting');
  await expect(next).toHaveCount(1);
  await expect(next).toContainText('Næste møde');
  await expect(next).toContainText('tirsdag 5. april 2022');
  await expect(next).toContainText('kl. 13.00–16.00');
  await expect(page.getByText('Ann Maskell')).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password is explained next to the field and the address is kept', async ({ page }) => {
  await page.goto('/login');
  await settled(page);
  await page.getByLabel('E-mailadresse', { exact: true }).fill(people.member);
  await page.getByLabel('Adgangskode').fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.locator('#password-error')).toHaveText('E-mailadressen eller adgangskoden er forkert.');
  await expect(page.getByLabel('E-mailadresse', { exact: true })).toHaveValue(people.member);
  await expect(page.getByLabel('Adgangskode')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('the members page lists the chair and the nine members', async ({ page }) => {
  await signIn(page, people.member);
  await page.getByRole('link', { name: 'Medlemmer' }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmer' })).toBeVisible();
  const rows = page.locator('table.members-table tbody tr');
  await expect(rows.filter({ hasText: 'Formand' })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Medlem$/ })).toHaveCount(9);
  await expect(rows.first()).toContainText('Marie Louise Refsgaard');
  await expect(page.getByText('@example.org')).toHaveCount(0);
  await expectAccessible(page);
});

test('the language switch turns the interface into English and back', async ({ page }) => {
  await signIn(page, people.steering);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: "The taskforce's meetings" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Members' })).toBeVisible();
  await expectAccessible(page);
  await settled(page);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { name: 'Taskforcens møder' })).toBeVisible();
});

test('a member is refused the secretariat’s people page', async ({ page }) => {
  await signIn(page, people.member);
  await expect(page.getByRole('link', { name: 'Personer' })).toHaveCount(0);
  const response = await page.goto('/people');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expect(page.getByText('ann.maskell@example.org')).toHaveCount(0);
  await expectAccessible(page);
});

test('the secretariat sees everyone on the people page', async ({ page }) => {
  await signIn(page, people.secretariat);
  await page.getByRole('link', { name: 'Personer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
  // The 15 demo people; the people spec adds (and deactivates) more, listed after them.
  const rows = page.locator('table.people-table tbody tr');
  await expect(rows.nth(0)).toContainText('Marie Louise Refsgaard');
  for (const name of ['Ann Maskell', 'Jonas Dahl', 'Anette Bækgaard', 'Malene Kjær-Jepsen']) {
    await expect(page.locator('tr', { hasText: name }).first()).toContainText(/Aktiv|Aldrig|\d/);
  }
  await expect(page.locator('tr', { hasText: 'rikke.oerum.skovgaard@example.org' })).toContainText(
    'Stedfortræder for Jonas Dahl',
  );
  await expect(page.locator('tr', { hasText: 'ann.maskell@example.org' })).toContainText('Projektleder');
  expect(await rows.count()).toBeGreaterThanOrEqual(15);
  await expectAccessible(page);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, people.chair);
  await page.getByRole('button', { name: 'Log af' }).click();
  await expect(page).toHaveURL(/\/login\?message=signed-out$/);
  await expect(page.getByRole('status')).toHaveText('Du er logget ud.');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
});

test('the accessibility statement is linked from the footer, in Danish and in English', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' })).toBeVisible();
  await expect(page.getByText(/delvist i overensstemmelse med WCAG 2\.1 niveau AA/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Fortæl os om et problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Klag til Digitaliseringsstyrelsen' })).toHaveAttribute(
    'href',
    'https://www.was.digst.dk/',
  );
  await expectAccessible(page);
  await settled(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'How we tested' })).toBeVisible();
  await expectAccessible(page);
  await settled(page);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});
