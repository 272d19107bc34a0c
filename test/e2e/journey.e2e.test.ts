import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../helpers/app.js';
import { expectNoAxeViolations, launchChromium, newPage as openPage, signInAs } from './browser.js';

// The Proof of issue 5: the front desk registers a person, opens a case, assesses, writes a plan
// and refers to the dormitory; the dormitory's manager accepts; the front desk sees the status;
// the social worker closes the case with an outcome. axe finds nothing on each screen.

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

const signIn = (page: Page, username: string) => signInAs(page, server.base, username);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Κύρια πλοήγηση' }).getByRole('link', { name, exact: true });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first();
const idIn = (page: Page, what: string) => new RegExp(`/app/${what}/([0-9a-f-]{36})$`).exec(page.url())?.[1] ?? '';

async function move(page: Page, to: string, label: string) {
  await page.getByLabel('Νέα κατάσταση').selectOption(to);
  await page.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
  await status(page, `Η παραπομπή είναι πλέον σε κατάσταση «${label}».`).waitFor();
}

describe('the journey of issue 5', () => {
  it('takes a person from intake through assessment, plan and a referral to the dormitory, to a closed case', async () => {
    // The front desk registers Κώστας.
    const desk = await openPage(browser);
    await signIn(desk, 'frontdesk');
    await expectNoAxeViolations(desk, 'front desk home');
    await nav(desk, 'Πρόσωπα').click();
    await desk.getByRole('link', { name: 'Νέα εγγραφή' }).click();
    await desk.getByLabel('Όνομα', { exact: true }).fill('Κωνσταντίνος');
    await desk.getByLabel('Επώνυμο', { exact: true }).fill('Αστεγάκης');
    await desk.getByLabel('Ημερομηνία γέννησης').fill('1969-11-02');
    await desk.getByLabel('Άνδρας').check();
    await status(desk, 'Καμία πιθανή αντιστοιχία.').waitFor();
    await desk.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Κωνσταντίνος Αστεγάκης' }).waitFor();
    const personId = idIn(desk, 'persons');
    expect(personId).not.toBe('');
    await expectNoAxeViolations(desk, 'person record');

    // Opens a case: the types are those the ΚΕΜ offers.
    const cases = desk.getByRole('region', { name: 'Φάκελοι' });
    await cases.getByRole('button', { name: 'Άνοιγμα φακέλου' }).click();
    const typeOptions = await cases.getByLabel('Είδος φακέλου').locator('option').allInnerTexts();
    expect(typeOptions).toEqual(expect.arrayContaining(['Γενική κοινωνική υποστήριξη', 'Επανένταξη αστέγων']));
    await cases.getByLabel('Είδος φακέλου').selectOption('general-support');
    await cases.getByLabel('Περίληψη (προαιρετική)').fill('Κοιμάται στον σταθμό εδώ και δύο εβδομάδες');
    await expectNoAxeViolations(desk, 'open a case');
    await cases.getByRole('button', { name: 'Άνοιγμα του φακέλου' }).click();
    await desk.getByRole('heading', { level: 1, name: /Φάκελος: Κωνσταντίνος Αστεγάκης/ }).waitFor();
    const caseId = idIn(desk, 'cases');
    expect(caseId).not.toBe('');

    // Assesses: every question answered, the score per domain shown.
    const assessment = desk.getByRole('region', { name: 'Αξιολόγηση αναγκών' });
    await assessment.getByText('Δεν έχει γίνει ακόμη αξιολόγηση.').waitFor();
    await assessment.getByRole('button', { name: 'Νέα αξιολόγηση' }).click();
    await assessment.getByRole('button', { name: 'Καταχώριση αξιολόγησης' }).click();
    await assessment.getByRole('alert').getByRole('link').first().waitFor();
    await expectNoAxeViolations(desk, 'assessment, unanswered');
    const questions = assessment.locator('fieldset');
    for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).locator('input[type=radio]').first().check();
    await assessment.getByRole('button', { name: 'Καταχώριση αξιολόγησης' }).click();
    await status(desk, 'Η αξιολόγηση καταχωρίστηκε.').waitFor();
    const scores = assessment.getByRole('table', { name: /Βαθμολογία ανά τομέα/ });
    await scores.getByRole('rowheader', { name: 'Στέγαση' }).waitFor();
    expect(await scores.getByRole('row', { name: /Σύνολο/ }).innerText()).toMatch(/\d+\/\d+/);
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe('assess-heading');
    await expectNoAxeViolations(desk, 'assessment recorded');

    // Writes a plan: a goal with an action due, saved with If-Match.
    const plan = desk.getByRole('region', { name: 'Ατομικό σχέδιο δράσης' });
    await plan.getByRole('button', { name: 'Σύνταξη σχεδίου' }).click();
    await desk.locator('#plan-g0-text').fill('Μια θέση στο υπνωτήριο και μετά μόνιμη στέγη');
    await desk.locator('#plan-g0-a0-text').fill('Παραπομπή στο υπνωτήριο');
    await desk.locator('#plan-g0-a0-due').fill('2026-01-15');
    await expectNoAxeViolations(desk, 'plan editor');
    // Meanwhile someone else writes the first plan: the save is stale, and what was typed stays.
    const other = await server.as('socialworker', 'PUT', `/api/v1/cases/${caseId}/plan`, { goals: [] }, { 'if-match': '"v0"' });
    expect(other.status).toBe(200);
    await plan.getByRole('button', { name: 'Αποθήκευση σχεδίου' }).click();
    const conflict = plan.getByRole('alert').filter({ hasText: 'Κάποιος άλλος αποθήκευσε το σχέδιο στο μεταξύ.' });
    await conflict.waitFor();
    expect(await conflict.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await desk.locator('#plan-g0-text').inputValue()).toBe('Μια θέση στο υπνωτήριο και μετά μόνιμη στέγη');
    await expectNoAxeViolations(desk, 'plan, stale save');
    await conflict.getByRole('button', { name: 'Αποθήκευση των αλλαγών μου πάνω στην τρέχουσα εκδοχή' }).click();
    await status(desk, 'Το σχέδιο αποθηκεύτηκε.').waitFor();
    await plan.getByRole('rowheader', { name: 'Παραπομπή στο υπνωτήριο' }).waitFor();
    expect(await plan.innerText()).toContain('15/01/2026');

    // Refers to the dormitory: without the person's consent the API's problem is shown.
    const refer = desk.getByRole('region', { name: 'Παραπομπή', exact: true });
    await refer.getByRole('button', { name: 'Παραπομπή του προσώπου' }).click();
    expect(await refer.getByLabel('Όνομα', { exact: true }).isChecked()).toBe(true);
    expect(await refer.getByLabel('Ημερομηνία γέννησης').isChecked()).toBe(false);
    await refer.getByLabel('Δομή', { exact: true }).selectOption('homeless-dormitory');
    await refer.getByLabel('Τι χρειάζεται το πρόσωπο (προαιρετικό)').fill('Μια θέση για ύπνο από απόψε');
    await expectNoAxeViolations(desk, 'referral form');
    await refer.getByRole('button', { name: 'Αποστολή παραπομπής' }).click();
    const problem = refer.getByRole('alert');
    await problem.getByText(/δεν έχει δώσει ισχύουσα συγκατάθεση για παραπομπή/).waitFor();
    expect(await problem.evaluate((e) => e === document.activeElement)).toBe(true);
    await expectNoAxeViolations(desk, 'referral refused for consent');

    // The consent is recorded on the person's page, then the referral goes.
    await desk.goto(`${server.base}/app/persons/${personId}`);
    const consents = desk.getByRole('region', { name: 'Συγκαταθέσεις' });
    await consents.getByLabel('Σκοπός').selectOption('referral');
    await consents.getByLabel('Νομική βάση').selectOption('consent');
    await consents.getByRole('button', { name: 'Καταχώριση συγκατάθεσης', exact: true }).last().click();
    await status(desk, 'Η συγκατάθεση καταχωρίστηκε.').waitFor();
    await desk.goto(`${server.base}/app/cases/${caseId}`);
    await refer.getByRole('button', { name: 'Παραπομπή του προσώπου' }).click();
    await refer.getByLabel('Δομή', { exact: true }).selectOption('homeless-dormitory');
    await refer.getByRole('button', { name: 'Αποστολή παραπομπής' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Παραπομπή: Κωνσταντίνος Αστεγάκης' }).waitFor();
    await status(desk, 'Η παραπομπή στάλθηκε.').waitFor();
    const referralId = idIn(desk, 'referrals');
    expect(referralId).not.toBe('');
    await desk.getByText('Δεν υπάρχει επόμενο βήμα για εσάς.').or(desk.getByLabel('Νέα κατάσταση')).first().waitFor();
    expect(await desk.getByLabel('Νέα κατάσταση').locator('option').allInnerTexts()).toEqual(['Ακυρώθηκε']);
    await expectNoAxeViolations(desk, 'referral sent, sender side');

    // The dormitory's manager finds it in the inbox and accepts it, one legal move at a time.
    const dorm = await openPage(browser);
    await signIn(dorm, 'dormitory.manager');
    await nav(dorm, 'Παραπομπές').click();
    await dorm.getByRole('heading', { level: 1, name: 'Παραπομπές' }).waitFor();
    const inbox = dorm.getByRole('table', { name: 'Παραπομπές προς τις δομές σας' });
    await inbox.getByRole('link', { name: 'Κωνσταντίνος Αστεγάκης' }).waitFor();
    await expectNoAxeViolations(dorm, 'referrals inbox');
    await inbox.getByRole('link', { name: 'Κωνσταντίνος Αστεγάκης' }).click();
    await dorm.getByRole('heading', { level: 1, name: 'Παραπομπή: Κωνσταντίνος Αστεγάκης' }).waitFor();
    expect(await dorm.getByLabel('Νέα κατάσταση').locator('option').allInnerTexts()).toEqual(['Παραλήφθηκε']);
    // Only the minimum is shared: the birth year, not the date.
    const shared = await dorm.locator('main').innerText();
    expect(shared).toContain('Έτος γέννησης: 1969');
    expect(shared).not.toContain('02/11/1969');
    await expectNoAxeViolations(dorm, 'referral, receiver side');
    await move(dorm, 'received', 'Παραλήφθηκε');
    expect(await dorm.getByLabel('Νέα κατάσταση').locator('option').allInnerTexts()).toEqual([
      'Έγινε δεκτή',
      'Απορρίφθηκε',
      'Σε λίστα αναμονής',
    ]);
    await move(dorm, 'accepted', 'Έγινε δεκτή');
    expect(await dorm.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoAxeViolations(dorm, 'referral accepted');
    await dorm.context().close();

    // The front desk sees the status in the outbox and the history on the referral.
    await nav(desk, 'Παραπομπές').click();
    await desk.getByRole('button', { name: 'Εξερχόμενες' }).click();
    const outbox = desk.getByRole('table', { name: 'Παραπομπές από τις δομές σας' });
    await outbox.getByRole('row', { name: /Κωνσταντίνος Αστεγάκης.*Έγινε δεκτή/ }).waitFor();
    await expectNoAxeViolations(desk, 'referrals outbox');
    await outbox.getByRole('link', { name: 'Κωνσταντίνος Αστεγάκης' }).click();
    const history = desk.getByRole('table', { name: 'Οι αλλαγές της παραπομπής, οι παλαιότερες πρώτα' });
    await history.getByText('«Παραλήφθηκε» → «Έγινε δεκτή»').waitFor();
    expect(desk.url()).toBe(`${server.base}/app/referrals/${referralId}`);
    await desk.context().close();

    // The social worker of the ΚΕΜ (who may close cases) closes it with an outcome.
    const worker = await openPage(browser);
    await signIn(worker, 'socialworker');
    await worker.goto(`${server.base}/app/cases/${caseId}`);
    const section = worker.getByRole('region', { name: 'Κατάσταση φακέλου' });
    await section.getByLabel('Νέα κατάσταση').selectOption('closed');
    await section.getByLabel('Λόγος κλεισίματος').selectOption('referred_elsewhere');
    await section.getByLabel('Έκβαση').selectOption('partly_achieved');
    await section.getByRole('button', { name: 'Κλείσιμο του φακέλου' }).click();
    await status(worker, 'Ο φάκελος είναι πλέον σε κατάσταση «Κλειστός».').waitFor();
    await expectNoAxeViolations(worker, 'closed case');
    await worker.context().close();
  }, 180_000);

  it('takes aid from a recommendation through the approver’s decision to the payment', async () => {
    const person = await registerPerson(server, 'socialworker', {
      givenName: 'Μαρία',
      familyName: 'Βοηθείδου',
      confirmNew: true,
    });
    const opened = await server.as('socialworker', 'POST', '/api/v1/cases', {
      person,
      structure: 'kem',
      type: 'general-support',
    });
    const caseId = (await json<{ id: string }>(opened)).id;

    const worker = await openPage(browser);
    await signIn(worker, 'socialworker');
    await worker.goto(`${server.base}/app/cases/${caseId}`);
    const aid = worker.getByRole('region', { name: 'Οικονομική ή υλική βοήθεια' });
    await aid.getByText('Δεν έχει προταθεί βοήθεια.').waitFor();
    await aid.getByRole('button', { name: 'Πρόταση βοήθειας' }).click();
    await aid.getByLabel('Ποσό σε ευρώ').fill('150,50');
    await aid.getByLabel('Αιτιολόγηση').fill('Οφειλή ρεύματος, διακοπή σε μία εβδομάδα');
    await expectNoAxeViolations(worker, 'aid recommendation');
    await aid.getByRole('button', { name: 'Υποβολή πρότασης' }).click();
    await status(worker, 'Η πρόταση υποβλήθηκε για έγκριση.').waitFor();
    await aid.getByText('Προτάθηκε').waitFor();
    // Four eyes: the one who recommended cannot decide.
    expect(await aid.getByRole('button', { name: /^Έγκριση/ }).count()).toBe(0);

    const director = await openPage(browser);
    await signIn(director, 'director');
    await director.goto(`${server.base}/app/cases/${caseId}`);
    const decide = director.getByRole('region', { name: 'Οικονομική ή υλική βοήθεια' });
    await decide.getByRole('button', { name: /^Έγκριση: 150,50/ }).click();
    await status(director, 'Η απόφαση καταχωρίστηκε.').waitFor();
    await decide.getByText('Εγκρίθηκε').waitFor();
    await expectNoAxeViolations(director, 'aid approved');
    await director.context().close();

    await worker.reload();
    await aid.getByLabel('Αριθμός εντολής ή απόδειξης (προαιρετικός)').fill('ΕΠ-2026-117');
    await aid.getByRole('button', { name: /^Καταγραφή καταβολής/ }).click();
    await status(worker, 'Η καταβολή ή παράδοση καταγράφηκε.').waitFor();
    await aid.getByText('Καταβλήθηκε').waitFor();
    expect(await aid.innerText()).toContain('ΕΠ-2026-117');
    await expectNoAxeViolations(worker, 'aid paid');
    await worker.context().close();
  }, 120_000);

  it('fits the home and referral screens on a 360-pixel phone, where the dormitory completes the stay', async () => {
    const phone = await openPage(browser, 360, 740);
    await signIn(phone, 'dormitory.manager');
    // The worker's home: due tasks, and the referrals in and out (the accepted one is still open).
    await phone.getByRole('region', { name: 'Εκπρόθεσμες εργασίες' }).getByText('Καμία εκπρόθεσμη εργασία.').waitFor();
    const referrals = phone.getByRole('region', { name: 'Παραπομπές' });
    await referrals.getByRole('link', { name: 'Κωνσταντίνος Αστεγάκης' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone, 'home on a phone');
    await phone.goto(`${server.base}/app/referrals`);
    await phone.getByRole('heading', { level: 1, name: 'Παραπομπές' }).waitFor();
    await status(phone, /παραπομπ/).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone, 'referrals on a phone');

    // The stay starts and ends: completing asks for an outcome.
    await phone.getByRole('link', { name: 'Κωνσταντίνος Αστεγάκης' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Παραπομπή: Κωνσταντίνος Αστεγάκης' }).waitFor();
    await move(phone, 'in_service', 'Σε εξυπηρέτηση');
    expect(await phone.getByLabel('Νέα κατάσταση').locator('option').allInnerTexts()).toEqual(['Ολοκληρώθηκε']);
    await phone.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    const missing = phone.getByRole('alert');
    await missing.getByRole('link', { name: 'Επιλέξτε την έκβαση της παραπομπής.' }).waitFor();
    expect(await missing.evaluate((e) => e === document.activeElement)).toBe(true);
    await expectNoAxeViolations(phone, 'completing without an outcome, on a phone');
    await phone.getByLabel('Έκβαση της παραπομπής').selectOption('service_provided');
    await phone.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    await status(phone, 'Η παραπομπή είναι πλέον σε κατάσταση «Ολοκληρώθηκε».').waitFor();
    await phone.getByText('Δεν υπάρχει επόμενο βήμα για εσάς.').waitFor();
    expect(await phone.locator('main').innerText()).toContain('Η υπηρεσία παρασχέθηκε');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone, 'referral completed, on a phone');
    await phone.context().close();
  }, 90_000);
});
