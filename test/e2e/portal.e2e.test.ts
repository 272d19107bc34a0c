import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.js';
import { expectNoAxeViolations, launchChromium, newPage as openPage } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('the public portal', () => {
  it('finds the social laundry in Greek, shows it in English, with no accessibility violations', async () => {
    const page = await openPage(browser, 1280, 900);
    await page.goto(`${server.base}/`);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('el');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'home, Greek');

    await page.getByLabel('Αναζήτηση', { exact: false }).first().fill('πλυντήριο');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    const link = page.getByRole('link', { name: /Κοινωνικό Πλυντήριο/ });
    await link.first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('πλυντήριο');
    await expectNoAxeViolations(page, 'results, Greek');

    await link.first().click();
    await page.waitForURL(/\/structures\/social-laundry/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Κοινωνικό Πλυντήριο/);
    await expectNoAxeViolations(page, 'laundry, Greek');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Social Laundry/i);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/3/); // the three washing machines and three dryers are on the page
    await expectNoAxeViolations(page, 'laundry, English');
    await page.context().close();
  });

  it('fits a 360 px wide phone without horizontal scrolling', async () => {
    const page = await openPage(browser, 360, 740);
    await page.goto(`${server.base}/?q=${encodeURIComponent('υπνωτήριο')}`);
    await page
      .getByRole('link', { name: /Υπνωτήριο/ })
      .first()
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${server.base}/structures/homeless-dormitory`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('serves the staff area as its own entry point', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.base}/app`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('el');
    await expectNoAxeViolations(page, 'staff entry');
    await page.context().close();
  });

  it('shows the women’s shelter without any address', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.base}/structures/womens-shelter`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const html = await page.content();
    expect(html).not.toMatch(/leaflet|openstreetmap/i);
    await page.context().close();
  });
});
