import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotp, startTestServer, type TestServer } from '../helpers/app.js';
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

async function signIn(page: Page, username: string) {
  await page.goto(`${server.base}/app`);
  await page.waitForURL(/\/app\/sign-in/);
  await page.getByLabel('Όνομα χρήστη').fill(username);
  await page.getByLabel('Κωδικός πρόσβασης').fill('Merimna-Demo-2026');
  await page.getByRole('button', { name: 'Σύνδεση', exact: true }).click();
}

describe('the staff area', () => {
  it('signs the data-protection officer in with a one-time code and searches the access trail', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.base}/app`);
    await page.getByRole('heading', { level: 1, name: 'Σύνδεση' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');

    await page.getByLabel('Όνομα χρήστη').fill('dpo');
    await page.getByLabel('Κωδικός πρόσβασης').fill('wrong password here');
    await page.getByRole('button', { name: 'Σύνδεση', exact: true }).click();
    await page.getByRole('alert').getByText('Λάθος όνομα χρήστη ή κωδικός πρόσβασης.').waitFor();
    await expectNoAxeViolations(page, 'sign-in error');

    await page.getByLabel('Κωδικός πρόσβασης').fill('Merimna-Demo-2026');
    await page.getByRole('button', { name: 'Σύνδεση', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Κωδικός μίας χρήσης' }).waitFor();
    await expectNoAxeViolations(page, 'second factor');
    await page.getByLabel('Κωδικός', { exact: true }).fill(demoTotp('dpo'));
    await page.getByRole('button', { name: 'Επιβεβαίωση' }).click();

    await page.getByRole('heading', { level: 1, name: /Καλώς ήρθατε/ }).waitFor();
    await expectNoAxeViolations(page, 'home');
    await page.getByRole('link', { name: 'Ίχνη πρόσβασης' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ίχνη πρόσβασης' }).waitFor();
    await page.getByLabel('Ενέργεια').fill('auth.login_failed');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await page.getByRole('table', { name: 'Εγγραφές ιχνών πρόσβασης' }).waitFor();
    expect(await page.getByRole('table', { name: 'Εγγραφές ιχνών πρόσβασης' }).innerText()).toContain('auth.login_failed');
    await expectNoAxeViolations(page, 'audit search');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Access trail' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('shows a laundry worker only what the role allows, on a phone', async () => {
    const page = await openPage(browser, 360);
    await signIn(page, 'laundry.staff');
    await page.getByRole('heading', { level: 1, name: /Καλώς ήρθατε/ }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Κύρια πλοήγηση' }).innerText();
    expect(nav).not.toContain('Χρήστες');
    expect(nav).not.toContain('Ίχνη πρόσβασης');
    expect(await page.locator('main').innerText()).toContain('Κοινωνικό');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'laundry home');
    await page.goto(`${server.base}/app/users`);
    await page.getByRole('heading', { level: 1, name: 'Η σελίδα δεν βρέθηκε.' }).waitFor();
    await page.context().close();
  });

  it('lets the administrator list users, and changes a password from the profile', async () => {
    const page = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByLabel('Κωδικός', { exact: true }).fill(demoTotp('admin'));
    await page.getByRole('button', { name: 'Επιβεβαίωση' }).click();
    await page.getByRole('link', { name: 'Χρήστες' }).click();
    await page.getByRole('table', { name: 'Χρήστες προσωπικού' }).waitFor();
    await page.getByLabel('Αναζήτηση χρήστη').fill('shelter');
    await expect.poll(async () => page.getByRole('table', { name: 'Χρήστες προσωπικού' }).locator('tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page, 'users');

    await page.getByLabel('Όνομα χρήστη').fill('new.cook');
    await page.getByLabel('Ονοματεπώνυμο').fill('Νέα Μαγείρισσα');
    await page.getByLabel('Αρχικός κωδικός πρόσβασης').fill('soup for everyone today');
    await page.getByLabel('Ρόλος').selectOption('structure_staff');
    await page.getByLabel('Δομή').selectOption('social-grocery');
    await page.getByRole('button', { name: 'Δημιουργία χρήστη' }).click();
    await page.getByText('Ο χρήστης new.cook δημιουργήθηκε.').waitFor();
    await page.getByRole('button', { name: 'Δημιουργία χρήστη' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Ελέγξτε το πεδίο «Όνομα χρήστη»');
    await expectNoAxeViolations(page, 'new user error');

    await page.getByRole('link', { name: 'Προφίλ' }).click();
    await page.getByLabel('Τρέχων κωδικός').fill('Merimna-Demo-2026');
    await page.getByLabel('Νέος κωδικός', { exact: true }).fill('short');
    await page.getByLabel('Επανάληψη νέου κωδικού').fill('short');
    await page.getByRole('button', { name: 'Αλλαγή κωδικού' }).click();
    await page.getByRole('alert').getByText('τουλάχιστον 12 χαρακτήρες').waitFor();
    await expectNoAxeViolations(page, 'profile error');
    await page.getByLabel('Νέος κωδικός', { exact: true }).fill('quiet evening by the harbour');
    await page.getByLabel('Επανάληψη νέου κωδικού').fill('quiet evening by the harbour');
    await page.getByRole('button', { name: 'Αλλαγή κωδικού' }).click();
    await page.getByText('Ο κωδικός άλλαξε.').waitFor();
    await page.context().close();
  });
});
