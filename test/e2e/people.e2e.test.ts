import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/shared/people/identifiers.js';
import { registerPerson, startTestServer, type TestServer } from '../helpers/app.js';
import { expectNoAxeViolations, launchChromium, newPage as openPage, signInAs } from './browser.js';

let server: TestServer;
let browser: Browser;

// A valid AMKA for 15/03/1980: the date, four digits, a Luhn check digit.
const amkaBody = '1503801234';
const AMKA = `${amkaBody}${luhnCheckDigit(amkaBody)}`;
// One for 01/09/2012 whose check digit is off by one: stored, but flagged.
const badAmkaBody = '0109121234';
const BAD_AMKA = `${badAmkaBody}${(luhnCheckDigit(badAmkaBody) + 1) % 10}`;

/** Ids found along the journey (never in the address bar except a record's own page). */
const ids = { george: '', second: '', eleni: '', night: '' };

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  browser = await launchChromium();
  // Another person of the front desk, for the household; one at the dormitory, out of the social worker's scope.
  ids.eleni = await registerPerson(server, 'frontdesk', {
    givenName: 'Ελένη',
    familyName: 'Αντωνίου',
    birthDate: '2012-09-01',
    sex: 'F',
    identifiers: [{ type: 'amka', value: BAD_AMKA }],
    confirmNew: true,
  });
  ids.night = await registerPerson(server, 'dormitory.staff', {
    givenName: 'Σταύρος',
    familyName: 'Νικολάου',
    birthDate: '1961-11-20',
    sex: 'M',
    confirmNew: true,
  });
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const signIn = (page: Page, username: string) => signInAs(page, server.base, username);

/** A link of the main navigation (the page itself may have links with the same words, e.g. "Πίσω στα πρόσωπα"). */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Κύρια πλοήγηση' }).getByRole('link', { name, exact: true });

const personId = (page: Page) => /\/app\/persons\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first();

async function fillIntake(page: Page, person: { given: string; family: string; birth: string; amka?: string }) {
  await page.getByLabel('Όνομα', { exact: true }).fill(person.given);
  await page.getByLabel('Επώνυμο', { exact: true }).fill(person.family);
  await page.getByLabel('Ημερομηνία γέννησης').fill(person.birth);
  if (person.amka) {
    await page.getByRole('button', { name: 'Προσθήκη αναγνωριστικού' }).click();
    await page.getByLabel('Είδος αναγνωριστικού 1').selectOption('amka');
    await page.getByLabel('Αριθμός αναγνωριστικού 1').fill(person.amka);
  }
}

describe('the registry of people in the staff area', () => {
  it('lets the front desk register a person, then recognise them at a second registration', async () => {
    const page = await openPage(browser);
    await signIn(page, 'frontdesk');
    await nav(page, 'Πρόσωπα').click();
    await page.getByRole('heading', { level: 1, name: 'Πρόσωπα' }).waitFor();
    await page.getByLabel('Αναζήτηση προσώπου').fill('Παπαδόπουλος');
    await page.getByText('Κανένα πρόσωπο δεν ταιριάζει με την αναζήτηση.').waitFor();
    await expectNoAxeViolations(page, 'persons, nothing found');

    await page.getByRole('link', { name: 'Νέα εγγραφή' }).click();
    await page.getByRole('heading', { level: 1, name: 'Νέα εγγραφή προσώπου' }).waitFor();
    await expectNoAxeViolations(page, 'intake, empty');
    await page.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Συμπληρώστε το πεδίο «Όνομα».' }).waitFor();
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'intake, errors');
    await summary.getByRole('link', { name: 'Συμπληρώστε το πεδίο «Επώνυμο».' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-familyName');
    await fillIntake(page, { given: 'Γιώργος', family: 'Παπαδόπουλος', birth: '1980-03-15', amka: AMKA });
    await page.getByLabel('Όνομα πατέρα').fill('Νικόλαος');
    await page.getByLabel('Άνδρας').check();
    await status(page, 'Καμία πιθανή αντιστοιχία.').waitFor();
    await page.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Γιώργος Παπαδόπουλος' }).waitFor();
    await status(page, 'Το πρόσωπο καταχωρίστηκε.').waitFor();
    ids.george = personId(page);
    expect(ids.george).not.toBe('');
    expect(await page.locator('main').innerText()).toContain('15/03/1980');
    await expectNoAxeViolations(page, 'person record');

    // The same man comes back and gives his name in Latin letters: the panel finds him as it is typed.
    await nav(page, 'Πρόσωπα').click();
    await page.getByRole('link', { name: 'Νέα εγγραφή' }).click();
    await fillIntake(page, { given: 'Giorgos', family: 'Papadopoulos', birth: '1980-03-15', amka: AMKA });
    const panel = page.getByRole('complementary', { name: 'Πιθανές αντιστοιχίες' });
    await panel
      .getByRole('status')
      .filter({ hasText: /πιθαν(ή|ές) αντιστοιχ/ })
      .waitFor();
    const card = panel.getByRole('listitem').filter({ hasText: 'Γιώργος Παπαδόπουλος' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Συμφωνούν: .*ΑΜΚΑ\/ΑΦΜ/);
    expect(await card.innerText()).toMatch(/\d+%/);
    await expectNoAxeViolations(page, 'intake with candidates');
    await card.getByRole('button', { name: 'Είναι το ίδιο πρόσωπο — εγγραφή εδώ' }).click();
    await status(page, 'Το πρόσωπο εγγράφηκε στη δομή σας.').waitFor();
    expect(personId(page)).toBe(ids.george);

    // A third registration typed as new is stopped with the candidates, and confirmed as a new person.
    await nav(page, 'Πρόσωπα').click();
    await page.getByRole('link', { name: 'Νέα εγγραφή' }).click();
    await fillIntake(page, { given: 'Γεώργιος', family: 'Παπαδόπουλος', birth: '1980-03-15' });
    await page.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    await page.getByRole('heading', { name: 'Μήπως είναι ήδη εγγεγραμμένο;' }).waitFor();
    await expectNoAxeViolations(page, 'intake, possible duplicate');
    await page.getByRole('button', { name: 'Καταχώριση ως νέο πρόσωπο' }).click();
    await page.getByRole('heading', { level: 1, name: 'Γεώργιος Παπαδόπουλος' }).waitFor();
    ids.second = personId(page);
    expect(ids.second).not.toBe(ids.george);

    await nav(page, 'Πρόσωπα').click();
    await page.getByLabel('Αναζήτηση προσώπου').fill('giorgos');
    await expect
      .poll(async () => page.getByRole('table', { name: 'Πρόσωπα εγγεγραμμένα στις δομές σας' }).locator('tbody tr').count())
      .toBeGreaterThan(0);
    expect(await page.getByRole('table').innerText()).toContain('Γιώργος Παπαδόπουλος');
    await expectNoAxeViolations(page, 'persons list');
    await page.context().close();
  });

  it('tells an editor when someone else saved first, keeping what they typed', async () => {
    const page = await openPage(browser);
    await signIn(page, 'frontdesk');
    await page.goto(`${server.base}/app/persons/${ids.george}`);
    await page.getByRole('button', { name: 'Διόρθωση στοιχείων' }).click();
    await page.getByLabel('Τηλέφωνο').fill('2310 555123');

    // Someone else changes the record between loading and saving.
    const token = await server.tokenFor('socialworker');
    const read = await server.get(`/api/v1/persons/${ids.george}`, { headers: { authorization: `Bearer ${token}` } });
    const changed = await server.get(`/api/v1/persons/${ids.george}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': read.headers.get('etag') ?? '',
      },
      body: JSON.stringify({ address: 'Εγνατίας 1, Θεσσαλονίκη' }),
    });
    expect(changed.status).toBe(200);

    await page.getByRole('button', { name: 'Αποθήκευση αλλαγών' }).click();
    await page.getByRole('alert').getByText('Η εγγραφή άλλαξε στο μεταξύ').waitFor();
    expect(await page.getByLabel('Τηλέφωνο').inputValue()).toBe('2310 555123');
    await expectNoAxeViolations(page, 'edit conflict');
    await page.getByRole('button', { name: 'Φόρτωση της τρέχουσας εκδοχής' }).click();
    await status(page, 'Φορτώθηκε η τρέχουσα εκδοχή.').waitFor();
    expect(await page.getByLabel('Τηλέφωνο').inputValue()).toBe('2310 555123');
    await page.getByRole('button', { name: 'Αποθήκευση αλλαγών' }).click();
    await status(page, 'Οι αλλαγές αποθηκεύτηκαν.').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('2310 555123');
    expect(main).toContain('Εγνατίας 1, Θεσσαλονίκη');
    await page.context().close();
  });

  it('keeps a household over time and records consents', async () => {
    const page = await openPage(browser);
    await signIn(page, 'frontdesk');
    await page.goto(`${server.base}/app/persons/${ids.george}`);
    const households = page.getByRole('region', { name: 'Νοικοκυριό' });
    await households.getByText('Δεν ανήκει σε νοικοκυριό.').waitFor();
    await households.getByRole('button', { name: 'Δημιουργία νοικοκυριού' }).click();
    const table = households.getByRole('table', { name: /Μέλη του νοικοκυριού 1/ });
    await table.waitFor();
    await households.getByLabel('Αναζήτηση προσώπου για προσθήκη').fill('Ελένη');
    await households.getByRole('button', { name: 'Επιλογή: Ελένη Αντωνίου' }).click();
    await households.getByLabel('Σχέση', { exact: true }).selectOption('child');
    await households.getByRole('button', { name: 'Προσθήκη στο νοικοκυριό' }).click();
    await status(page, 'Το μέλος προστέθηκε.').waitFor();
    await table.getByRole('rowheader', { name: 'Ελένη Αντωνίου' }).waitFor();
    await expectNoAxeViolations(page, 'household');
    await households.getByRole('button', { name: 'Αποχώρηση: Ελένη Αντωνίου' }).click();
    await households.getByRole('button', { name: 'Επιβεβαίωση αποχώρησης' }).click();
    await status(page, 'Η αποχώρηση καταχωρίστηκε.').waitFor();
    await expect
      .poll(async () => table.getByRole('row', { name: /Ελένη Αντωνίου/ }).innerText())
      .toMatch(/\d{2}\/\d{2}\/\d{4}\s+\d{2}\/\d{2}\/\d{4}/);

    const consents = page.getByRole('region', { name: 'Συγκαταθέσεις' });
    await consents.getByText('Δεν έχουν καταχωριστεί συγκαταθέσεις.').waitFor();
    await consents.getByLabel('Σκοπός').selectOption('referral');
    await consents.getByLabel('Νομική βάση').selectOption('consent');
    await consents.getByRole('button', { name: 'Καταχώριση συγκατάθεσης', exact: true }).last().click();
    await status(page, 'Η συγκατάθεση καταχωρίστηκε.').waitFor();
    const row = consents.getByRole('row', { name: /Παραπομπή σε άλλη υπηρεσία/ });
    await row.getByText('Ενεργή').waitFor();
    await expectNoAxeViolations(page, 'consents');
    await row.getByRole('button', { name: 'Ανάκληση: Παραπομπή σε άλλη υπηρεσία' }).click();
    await row.getByRole('button', { name: 'Ναι, ανάκληση' }).click();
    await status(page, 'Η συγκατάθεση ανακλήθηκε.').waitFor();
    await row.getByText('Ανακλήθηκε').waitFor();

    // A number that fails its check was kept, with a warning on the record.
    await table.getByRole('link', { name: 'Ελένη Αντωνίου' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ελένη Αντωνίου' }).waitFor();
    await page.getByText('Ο αριθμός δεν περνά τον έλεγχο: το ψηφίο ελέγχου δεν ταιριάζει.').waitFor();
    await expectNoAxeViolations(page, 'record with an invalid identifier');
    await page.context().close();
  });

  it('hides a record from another structure, and opens it by break-glass for a social worker', async () => {
    const staff = await openPage(browser);
    await signIn(staff, 'dormitory.staff');
    await staff.goto(`${server.base}/app/persons/${ids.george}`);
    await staff.getByRole('heading', { level: 1, name: 'Το πρόσωπο δεν βρέθηκε στις δομές σας' }).waitFor();
    expect(await staff.getByRole('button', { name: 'Άνοιγμα με έκτακτη πρόσβαση' }).count()).toBe(0);
    await expectNoAxeViolations(staff, 'not found, no break-glass');
    await staff.context().close();

    const page = await openPage(browser);
    await signIn(page, 'socialworker');
    await page.goto(`${server.base}/app/persons/${ids.night}`);
    await page.getByRole('heading', { level: 1, name: 'Το πρόσωπο δεν βρέθηκε στις δομές σας' }).waitFor();
    await page.getByRole('button', { name: 'Άνοιγμα με έκτακτη πρόσβαση' }).click();
    await page.getByRole('alert').getByText('τουλάχιστον 10 χαρακτήρων').waitFor();
    await expectNoAxeViolations(page, 'break-glass offer, error');
    await page.getByLabel('Αιτιολογία').fill('Κλήση του υπνωτηρίου τη νύχτα: επείγουσα ιατρική ανάγκη');
    await page.getByRole('button', { name: 'Άνοιγμα με έκτακτη πρόσβαση' }).click();
    await page.getByRole('heading', { level: 1, name: 'Σταύρος Νικολάου' }).waitFor();
    await page.getByRole('region', { name: 'Έκτακτη πρόσβαση' }).waitFor();
    expect(await page.getByRole('button', { name: 'Διόρθωση στοιχείων' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'break-glass record');
    await page.context().close();
  });

  it('lets a social worker decide the duplicates queue, undo a merge and merge field by field', async () => {
    const page = await openPage(browser);
    await signIn(page, 'socialworker');
    await nav(page, 'Διπλοεγγραφές').click();
    await page.getByRole('heading', { level: 1, name: 'Διπλοεγγραφές' }).waitFor();
    const pair = page.getByRole('article').first();
    await pair.waitFor();
    expect(await pair.innerText()).toContain('Παπαδόπουλος');
    await expectNoAxeViolations(page, 'duplicates queue');
    await pair.getByRole('button', { name: 'Διαφορετικά πρόσωπα' }).click();
    await status(page, 'Καταχωρίστηκε ότι είναι διαφορετικά πρόσωπα.').waitFor();
    await page.getByText('Κανένα ζεύγος δεν περιμένει απόφαση.').waitFor();

    // The intake linked the Latin registration to Γιώργος: undo it, then merge the third record field by field.
    await page.goto(`${server.base}/app/persons/${ids.george}`);
    const links = page.getByRole('region', { name: 'Συνδέσεις με άλλες εγγραφές' });
    await links.getByRole('table').waitFor();
    await links.getByRole('button', { name: 'Αναίρεση συγχώνευσης' }).first().click();
    await links.getByLabel('Αιτιολογία').fill('Λάθος ταύτιση στην υποδοχή');
    await links.getByRole('button', { name: 'Αναίρεση της συγχώνευσης' }).click();
    await status(page, 'Η συγχώνευση αναιρέθηκε.').waitFor();
    await links.getByText('αναιρέθηκε').first().waitFor();

    await links.getByRole('button', { name: 'Συγχώνευση με άλλο πρόσωπο' }).click();
    await links.getByLabel('Αναζήτηση της άλλης εγγραφής').fill('Γεώργιος');
    await links.getByRole('button', { name: 'Επιλογή: Γεώργιος Παπαδόπουλος' }).click();
    const preview = links.getByRole('table', { name: 'Η τιμή που κρατείται σε κάθε πεδίο' });
    await preview.waitFor();
    await expectNoAxeViolations(page, 'merge preview');
    // The identity card says Γεώργιος: keep the other record's given name instead of the rule's choice.
    await preview.getByRole('radio', { name: 'Όνομα, Η άλλη εγγραφή: Γεώργιος' }).check();
    await links.getByLabel('Αιτιολογία').fill('Ίδιο πρόσωπο, επιβεβαίωση με ταυτότητα');
    await links.getByRole('button', { name: 'Επιβεβαίωση συγχώνευσης' }).click();
    await status(page, 'Οι εγγραφές συγχωνεύτηκαν.').waitFor();
    await page.getByText(/ενώνει \d+ εγγραφές/).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Γεώργιος Παπαδόπουλος' }).waitFor();
    await page.context().close();
  });

  it('fits the intake form and its candidates on a 360-pixel phone', async () => {
    const page = await openPage(browser, 360, 740);
    await signIn(page, 'frontdesk');
    await page.goto(`${server.base}/app/persons/new`);
    await page.getByRole('heading', { level: 1, name: 'Νέα εγγραφή προσώπου' }).waitFor();
    await fillIntake(page, { given: 'Γιώργος', family: 'Παπαδόπουλος', birth: '1980-03-15' });
    await page.getByRole('complementary', { name: 'Πιθανές αντιστοιχίες' }).getByRole('listitem').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'intake on a phone');
    await page.getByRole('button', { name: 'Καταχώριση', exact: true }).click();
    await page.getByRole('heading', { name: 'Μήπως είναι ήδη εγγεγραμμένο;' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('never puts a name in the address bar or the console', async () => {
    const page = await openPage(browser);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await signIn(page, 'frontdesk');
    await page.goto(`${server.base}/app/persons/new`);
    await fillIntake(page, { given: 'Γιώργος', family: 'Παπαδόπουλος', birth: '1980-03-15' });
    await page.getByRole('complementary', { name: 'Πιθανές αντιστοιχίες' }).getByRole('listitem').first().waitFor();
    const everything = [...urls.map(decodeURIComponent), ...logged].join('\n');
    expect(everything).not.toContain('Παπαδόπουλος');
    expect(everything).not.toMatch(/papadopoulos/i);
    await page.context().close();
  });
});
