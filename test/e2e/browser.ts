import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoTotp } from '../helpers/app.js';

/** Debian's Chromium, started the way this machine needs (no sandbox as root, no background network). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page in its own context (axe needs one), with a Greek browser locale like most staff machines. */
export async function newPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'el-GR' });
  return context.newPage();
}

/** Runs axe for WCAG 2.1 A and AA and expects no violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, label).toEqual([]);
}

/** Signs a demo user in through the sign-in page (and the one-time code when the user has one). */
export async function signInAs(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/app`);
  await page.waitForURL(/\/app\/sign-in/);
  await page.getByLabel('Όνομα χρήστη').fill(username);
  await page.getByLabel('Κωδικός πρόσβασης').fill('Merimna-Demo-2026');
  await page.getByRole('button', { name: 'Σύνδεση', exact: true }).click();
  const mfa = page.getByRole('heading', { level: 1, name: 'Κωδικός μίας χρήσης' });
  const home = page.getByRole('heading', { level: 1, name: /Καλώς ήρθατε/ });
  await mfa.or(home).waitFor();
  if (await mfa.isVisible()) {
    await page.getByLabel('Κωδικός', { exact: true }).fill(demoTotp(username));
    await page.getByRole('button', { name: 'Επιβεβαίωση' }).click();
  }
  await home.waitFor();
}
