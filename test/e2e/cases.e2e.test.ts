import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../helpers/app.js';
import { expectNoAxeViolations, launchChromium, newPage as openPage, signInAs } from './browser.js';

let server: TestServer;
let browser: Browser;

/** Two persons registered at the ΚΕΜ, where the social worker works. */
const ids = { anna: '', petros: '' };

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  browser = await launchChromium();
  ids.anna = await registerPerson(server, 'socialworker', {
    givenName: 'Άννα',
    familyName: 'Δημητρίου',
    birthDate: '1975-06-12',
    sex: 'F',
    confirmNew: true,
  });
  ids.petros = await registerPerson(server, 'socialworker', {
    givenName: 'Πέτρος',
    familyName: 'Ιωάννου',
    birthDate: '1958-01-30',
    sex: 'M',
    confirmNew: true,
  });
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const signIn = (page: Page, username: string) => signInAs(page, server.base, username);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Κύρια πλοήγηση' }).getByRole('link', { name, exact: true });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first();
const caseId = (page: Page) => /\/app\/cases\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

async function moveTo(page: Page, value: string, label: string) {
  const section = page.getByRole('region', { name: 'Κατάσταση φακέλου' });
  await section.getByLabel('Νέα κατάσταση').selectOption(value);
  await section.getByRole('button', { name: 'Αλλαγή κατάστασης' }).click();
  await status(page, `Ο φάκελος είναι πλέον σε κατάσταση «${label}».`).waitFor();
}

/** A case opened through the API, for the tests that start from one. */
async function openCaseByApi(summary: string): Promise<string> {
  const res = await server.as('socialworker', 'POST', '/api/v1/cases', {
    person: ids.anna,
    structure: 'kem',
    type: 'general-support',
    summary,
  });
  expect(res.status).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

describe('case files and the service log in the staff area', () => {
  it('lets a social worker open a case, keep its timeline, record services in bulk and close it', async () => {
    const page = await openPage(browser);
    await signIn(page, 'socialworker');
    const caseload = page.getByRole('region', { name: 'Οι φάκελοί μου' });
    await caseload.getByText('Δεν χειρίζεστε κανέναν ενεργό φάκελο.').waitFor();
    await expectNoAxeViolations(page, 'home, empty caseload');

    // Open a case from the person's page.
    await page.goto(`${server.base}/app/persons/${ids.anna}`);
    const cases = page.getByRole('region', { name: 'Φάκελοι' });
    await cases.getByText('Δεν υπάρχει φάκελος στις δομές σας.').waitFor();
    await cases.getByRole('button', { name: 'Άνοιγμα φακέλου' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-case-structure');
    await cases.getByLabel('Είδος φακέλου').selectOption('general-support');
    await cases.getByLabel('Περίληψη (προαιρετική)').fill('Χάνει το σπίτι της τον επόμενο μήνα');
    await expectNoAxeViolations(page, 'open a case');
    await cases.getByRole('button', { name: 'Άνοιγμα του φακέλου' }).click();
    await page.getByRole('heading', { level: 1, name: /Φάκελος: Άννα Δημητρίου/ }).waitFor();
    await status(page, 'Ο φάκελος άνοιξε.').waitFor();
    const id = caseId(page);
    expect(id).not.toBe('');
    expect(await page.locator('main').innerText()).toContain('Γενική κοινωνική υποστήριξη');
    await expectNoAxeViolations(page, 'case page, just opened');

    // A note, then its correction: both versions stay in the history.
    const timeline = page.getByRole('region', { name: 'Χρονολόγιο' });
    await timeline.getByLabel('Κείμενο σημείωσης').fill('Πρώτη συνάντηση στο ΚΕΜ με την κόρη της');
    await timeline.getByRole('button', { name: 'Προσθήκη σημείωσης' }).click();
    await status(page, 'Η σημείωση προστέθηκε.').waitFor();
    await timeline.getByText('Πρώτη συνάντηση στο ΚΕΜ με την κόρη της').waitFor();
    await timeline.getByRole('button', { name: 'Διόρθωση σημείωσης' }).click();
    const corrected = timeline.getByLabel('Διορθωμένο κείμενο');
    expect(await corrected.evaluate((e) => e === document.activeElement)).toBe(true);
    await corrected.fill('Πρώτη συνάντηση στο ΚΕΜ με τον γιο της');
    await timeline.getByRole('button', { name: 'Αποθήκευση διόρθωσης' }).click();
    await status(page, /Η διόρθωση καταχωρίστηκε/).waitFor();
    await timeline.getByText('Πρώτη συνάντηση στο ΚΕΜ με τον γιο της').waitFor();
    await timeline.getByText('Πρώτη συνάντηση στο ΚΕΜ με την κόρη της').waitFor();
    await timeline.getByText('Προηγούμενη εκδοχή (διορθώθηκε)').waitFor();
    await timeline.getByText(/Διόρθωση της σημείωσης της \d{2}\/\d{2}\/\d{4}/).waitFor();
    await expectNoAxeViolations(page, 'timeline with a corrected note');

    // Only the legal next statuses are offered.
    const statusSelect = page.getByRole('region', { name: 'Κατάσταση φακέλου' }).getByLabel('Νέα κατάσταση');
    expect(await statusSelect.locator('option').allInnerTexts()).toEqual(['Αξιολόγηση', 'Κλειστός']);
    await moveTo(page, 'assessment', 'Αξιολόγηση');
    await moveTo(page, 'plan', 'Σχέδιο δράσης');
    expect(await statusSelect.locator('option').allInnerTexts()).toEqual(['Σε παροχή υπηρεσιών', 'Αξιολόγηση', 'Κλειστός']);
    await moveTo(page, 'in_service', 'Σε παροχή υπηρεσιών');
    await timeline.getByText('Από «Σχέδιο δράσης» σε «Σε παροχή υπηρεσιών»').waitFor();

    // The daily screen: one service recorded for two persons ticked on a list.
    await nav(page, 'Καταγραφή υπηρεσιών').click();
    await page.getByRole('heading', { level: 1, name: 'Καταγραφή υπηρεσιών' }).waitFor();
    await page.getByText('Καμία υπηρεσία δεν έχει καταγραφεί αυτή την ημέρα.').waitFor();
    await page.getByLabel('Υπηρεσία', { exact: true }).selectOption('kem-information-referral');
    const bulk = page.getByRole('region', { name: 'Καταγραφή για πολλά πρόσωπα' });
    await bulk.getByLabel('Αναζήτηση προσώπου για τη λίστα').fill('Άννα');
    await bulk.getByRole('button', { name: 'Επιλογή: Άννα Δημητρίου' }).click();
    await bulk.getByLabel('Αναζήτηση προσώπου για τη λίστα').fill('Πέτρος');
    await bulk.getByRole('button', { name: 'Επιλογή: Πέτρος Ιωάννου' }).click();
    expect(await bulk.getByLabel('Άννα Δημητρίου').isChecked()).toBe(true);
    expect(await bulk.getByLabel('Πέτρος Ιωάννου').isChecked()).toBe(true);
    await bulk.getByLabel('Ποσότητα').fill('2');
    await expectNoAxeViolations(page, 'daily screen, list ticked');
    await bulk.getByRole('button', { name: 'Καταγραφή για 2 πρόσωπα' }).click();
    await status(page, /Καταγράφηκαν 2 παροχές/).waitFor();
    const day = page.getByRole('table', { name: 'Υπηρεσίες που καταγράφηκαν την ημέρα αυτή' });
    await day.getByRole('rowheader', { name: 'Άννα Δημητρίου' }).waitFor();
    await day.getByRole('rowheader', { name: 'Πέτρος Ιωάννου' }).waitFor();
    expect(await day.locator('tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page, 'daily screen, recorded');

    // Closing asks for a reason and an outcome.
    await page.goto(`${server.base}/app/cases/${id}`);
    const section = page.getByRole('region', { name: 'Κατάσταση φακέλου' });
    await section.getByLabel('Νέα κατάσταση').selectOption('closed');
    await section.getByRole('button', { name: 'Κλείσιμο του φακέλου' }).click();
    const summary = section.getByRole('alert');
    await summary.getByRole('link', { name: 'Επιλέξτε λόγο κλεισίματος.' }).waitFor();
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'closing, errors');
    await section.getByLabel('Λόγος κλεισίματος').selectOption('goals_met');
    await section.getByLabel('Έκβαση').selectOption('achieved');
    await section.getByRole('button', { name: 'Κλείσιμο του φακέλου' }).click();
    await status(page, 'Ο φάκελος είναι πλέον σε κατάσταση «Κλειστός».').waitFor();
    const main = page.locator('main');
    await main.getByText('Επιτεύχθηκαν οι στόχοι').first().waitFor();
    expect(await page.getByLabel('Κείμενο σημείωσης').count()).toBe(0);
    await expectNoAxeViolations(page, 'closed case');

    // The closed case leaves the caseload but stays in the list of cases.
    await nav(page, 'Αρχική').click();
    await caseload.getByText('Δεν χειρίζεστε κανέναν ενεργό φάκελο.').waitFor();
    await nav(page, 'Φάκελοι').click();
    await page.getByRole('heading', { level: 1, name: 'Φάκελοι περιπτώσεων' }).waitFor();
    await page.getByLabel('Κατάσταση', { exact: true }).selectOption('closed');
    await page.getByRole('table', { name: 'Φάκελοι περιπτώσεων' }).getByRole('link', { name: 'Άννα Δημητρίου' }).waitFor();
    await expectNoAxeViolations(page, 'cases list');
    expect(page.url()).not.toMatch(/Άννα|%CE/);
    await page.context().close();
  });

  it('tells an editor of a case when someone else saved first, keeping what they typed', async () => {
    const id = await openCaseByApi('Χρειάζεται στέγη');
    const page = await openPage(browser);
    await signIn(page, 'socialworker');
    const caseload = page.getByRole('region', { name: 'Οι φάκελοί μου' });
    // The caseload links each case by the person's name (only ids in the address).
    await caseload.locator(`a[href="/app/cases/${id}"]`).click();
    await page.waitForURL(new RegExp(`/app/cases/${id}$`));
    await page.getByRole('button', { name: 'Αλλαγή περίληψης ή υπεύθυνου' }).click();
    await page.getByLabel('Περίληψη', { exact: true }).fill('Χρειάζεται στέγη και εργασία');

    // The front desk changes the case between loading and saving.
    const read = await server.as('frontdesk', 'GET', `/api/v1/cases/${id}`);
    const changed = await server.as(
      'frontdesk',
      'PATCH',
      `/api/v1/cases/${id}`,
      { summary: 'Στέγη (από την υποδοχή)' },
      {
        'if-match': read.headers.get('etag') ?? '',
      },
    );
    expect(changed.status).toBe(200);

    await page.getByRole('button', { name: 'Αποθήκευση αλλαγών' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Ο φάκελος άλλαξε στο μεταξύ' });
    await alert.waitFor();
    expect(await alert.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Περίληψη', { exact: true }).inputValue()).toBe('Χρειάζεται στέγη και εργασία');
    await expectNoAxeViolations(page, 'case edit conflict');
    await page.getByRole('button', { name: 'Φόρτωση της τρέχουσας εκδοχής' }).click();
    await status(page, 'Φορτώθηκε η τρέχουσα εκδοχή.').waitFor();
    expect(await page.getByLabel('Περίληψη', { exact: true }).inputValue()).toBe('Χρειάζεται στέγη και εργασία');
    await page.getByRole('button', { name: 'Αποθήκευση αλλαγών' }).click();
    await status(page, 'Οι αλλαγές του φακέλου αποθηκεύτηκαν.').waitFor();
    await page.locator('main').getByText('Χρειάζεται στέγη και εργασία').waitFor();
    await page.context().close();
  });

  it('shows the director the closure approval, and a reader not cleared for a label only the count', async () => {
    // A dormitory case of a type whose closure needs approval, with a note about health on it.
    const guest = await registerPerson(server, 'dormitory.manager', {
      givenName: 'Σταύρος',
      familyName: 'Νικολάου',
      birthDate: '1961-11-20',
      sex: 'M',
      confirmNew: true,
    });
    const opened = await server.as('dormitory.manager', 'POST', '/api/v1/cases', {
      person: guest,
      type: 'homeless-reintegration',
    });
    expect(opened.status).toBe(201);
    const dormitoryCase = (await json<{ id: string }>(opened)).id;

    const director = await openPage(browser);
    await signIn(director, 'director');
    await director.goto(`${server.base}/app/cases/${dormitoryCase}`);
    await director.getByRole('heading', { level: 1, name: /Φάκελος: Σταύρος Νικολάου/ }).waitFor();
    const section = director.getByRole('region', { name: 'Κατάσταση φακέλου' });
    await section.getByText('Αυτό το είδος φακέλου κλείνει μόνο μετά από έγκριση.').waitFor();
    expect(await section.getByLabel('Νέα κατάσταση').count()).toBe(0);
    await expectNoAxeViolations(director, 'case page for an approver');
    await section.getByRole('button', { name: 'Έγκριση κλεισίματος' }).click();
    await status(director, 'Το κλείσιμο εγκρίθηκε.').waitFor();
    await director.getByText(/Εγκρίθηκε από .+, \d{2}\/\d{2}\/\d{4}/).waitFor();
    await director.getByRole('region', { name: 'Χρονολόγιο' }).getByText('Εγκρίθηκε το κλείσιμο του φακέλου.').waitFor();
    expect(await section.getByRole('button', { name: 'Έγκριση κλεισίματος' }).count()).toBe(0);
    await director.context().close();

    const id = await openCaseByApi('Με σημείωση για την υγεία');
    const note = await server.as('socialworker', 'POST', `/api/v1/cases/${id}/timeline`, {
      kind: 'note',
      text: 'Διάγνωση που δεν αφορά την υποδοχή',
      sensitivity: 'health',
    });
    expect(note.status).toBe(201);
    const page = await openPage(browser);
    await signIn(page, 'frontdesk');
    await page.goto(`${server.base}/app/cases/${id}`);
    await page.getByText('1 καταχώριση δεν εμφανίζεται λόγω ευαίσθητου περιεχομένου.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Διάγνωση');
    // The front desk is cleared for migration only: that is the one label offered.
    const labels = page.getByRole('region', { name: 'Χρονολόγιο' }).getByLabel('Ευαίσθητο περιεχόμενο (προαιρετικό)');
    expect(await labels.locator('option').allInnerTexts()).toEqual(['Χωρίς ετικέτα', 'μεταναστευτικό καθεστώς']);
    await expectNoAxeViolations(page, 'case page with hidden entries');
    await page.context().close();
  });

  it('fits the case page and the daily screen on a 360-pixel phone', async () => {
    const id = await openCaseByApi('Για τον έλεγχο στο κινητό');
    const page = await openPage(browser, 360, 740);
    await signIn(page, 'socialworker');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`${server.base}/app/cases/${id}`);
    await page.getByRole('heading', { level: 1, name: /Φάκελος: Άννα Δημητρίου/ }).waitFor();
    await page
      .getByRole('region', { name: 'Χρονολόγιο' })
      .getByText('Από «Ανοιχτός»')
      .or(page.getByText('Καμία καταχώριση.'))
      .waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'case page on a phone');
    await page.goto(`${server.base}/app/service-log`);
    await page.getByRole('heading', { level: 1, name: 'Καταγραφή υπηρεσιών' }).waitFor();
    await status(page, /σε αυτή τη σελίδα/).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'daily screen on a phone');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service log' }).waitFor();
    await page.getByRole('region', { name: 'Record for many people' }).getByLabel('Find a person for the list').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
