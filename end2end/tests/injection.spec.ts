import { expect, Page, test } from '@playwright/test';
import { expectAccessible, people, settled, signIn } from './helpers';

// The title that once closed the page's <title> and sent every reader elsewhere a second later.
const PAYLOAD = 'M8 </title><meta http-equiv="refresh" content="1;url=https://evil.example/phish">';

/** Every request that leaves this site, and every address the tab itself went to. */
async function watchDepartures(page: Page) {
  const ours = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').host;
  const outside: string[] = [];
  await page.context().route('**/*', async (route) => {
    if (new URL(route.request().url()).host === ours) {
      await route.continue();
    } else {
      outside.push(route.request().url());
      await route.abort();
    }
  });
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      visited.push(frame.url());
    }
  });
  return { outside, visited };
}

test('a meeting titled with markup shows the markup as its title and the page stays where it is', async ({ page }, info) => {
  const title = `${PAYLOAD} (${info.project.name})`;
  const { outside, visited } = await watchDepartures(page);
  await signIn(page, people.secretariat);
  await page.getByRole('link', { name: 'Planlæg nyt møde' }).click();
  await settled(page);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Dato').fill('2022-09-13');
  await page.getByLabel('Starttidspunkt').fill('13:00');
  await page.getByLabel('Sluttidspunkt').fill('15:00');
  await page.getByLabel('Sted').fill('Frederiksberg Rådhus');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  const meetingUrl = page.url();

  for (const path of ['', '/print', '/edit']) {
    await page.goto(meetingUrl + path);
    await settled(page);
    const before = visited.length;
    // The injected refresh waited one second; give it well over that.
    await page.waitForTimeout(2_500);
    expect(page.url(), `still on ${path || 'the meeting page'}`).toBe(meetingUrl + path);
    expect(visited.slice(before), `no navigation from ${path || 'the meeting page'}`).toEqual([]);
    await expect(page.locator('head meta[http-equiv]')).toHaveCount(0);
    if (path !== '/edit') {
      expect(await page.title()).toContain(title);
    }
  }
  expect(outside, 'requests to other sites').toEqual([]);
  await expectAccessible(page);
});
