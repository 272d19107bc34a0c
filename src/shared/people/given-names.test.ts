import { describe, expect, it } from 'vitest';
import { ARABIC_GIVEN_NAMES, GREEK_GIVEN_NAMES } from './given-names.js';
import { canonicalGivenName, detectScript, elot743, nameKey } from './names.js';

const greekCanonical = (group: readonly string[]) => canonicalGivenName(group[0]!, 'greek');
const arabicCanonical = (group: readonly string[]) => canonicalGivenName(group[0]!, 'arabic');

describe('the Greek dictionary', () => {
  it.each([
    ['Γεώργιος', 'Γιώργος', 'George'],
    ['Ιωάννης', 'Γιάννης', 'John'],
    ['Κωνσταντίνος', 'Κώστας'],
    ['Νικόλαος', 'Νίκος'],
    ['Δημήτριος', 'Δημήτρης'],
    ['Ευάγγελος', 'Βαγγέλης'],
    ['Αθανάσιος', 'Θανάσης'],
    ['Παναγιώτης', 'Τάκης'],
    ['Χαράλαμπος', 'Μπάμπης'],
    ['Αικατερίνη', 'Κατερίνα'],
    ['Ειρήνη', 'Ρένα'],
    ['Παρασκευή', 'Βούλα'],
    ['Μιχαήλ', 'Μιχάλης'],
    ['Ευστάθιος', 'Στάθης'],
    ['Σπυρίδων', 'Σπύρος'],
    ['Αλέξανδρος', 'Αλέκος'],
    ['Μαρία', 'Μαίρη'],
    ['Ελένη', 'Λένα'],
    ['Αναστασία', 'Τασούλα'],
    ['Βασίλειος', 'Βασίλης'],
    ['Χρήστος', 'Christos'],
    ['Πέτρος', 'Peter'],
    ['Θεόδωρος', 'Θοδωρής'],
    ['Εμμανουήλ', 'Μανώλης'],
    ['Γρηγόριος', 'Γρηγόρης'],
    ['Αριστοτέλης', 'Άρης'],
  ])('gives %s and its other forms one canonical', (formal, ...others) => {
    const canonical = canonicalGivenName(formal);
    expect(canonical).toBe(nameKey(formal));
    for (const other of others) expect(canonicalGivenName(other)).toBe(canonical);
  });

  it('resolves every listed spelling, and the spellings the key folds, to its group', () => {
    for (const group of GREEK_GIVEN_NAMES) {
      for (const spelling of group) {
        expect(canonicalGivenName(spelling), spelling).toBe(greekCanonical(group));
        // The ELOT form of a Greek spelling is what a passport shows.
        expect(canonicalGivenName(elot743(spelling)), spelling).toBe(greekCanonical(group));
      }
    }
    expect(canonicalGivenName('Giwrgos')).toBe(canonicalGivenName('Γεώργιος'));
    expect(canonicalGivenName('Yannis')).toBe(canonicalGivenName('Ιωάννης'));
  });

  it('returns null for a name it does not know', () => {
    expect(canonicalGivenName('Ξενοκράτης')).toBeNull();
    expect(canonicalGivenName('')).toBeNull();
  });
});

describe('the Arabic, Persian and Afghan dictionary', () => {
  it('holds more than a hundred names, each with a Latin canonical spelling', () => {
    expect(ARABIC_GIVEN_NAMES.length).toBeGreaterThan(100);
    for (const group of ARABIC_GIVEN_NAMES) expect(detectScript(group[0]!)).toBe('latin');
  });

  it('resolves every listed spelling to its group, in Latin, Arabic and Greek script', () => {
    for (const group of ARABIC_GIVEN_NAMES) {
      for (const spelling of group) expect(canonicalGivenName(spelling, 'arabic'), spelling).toBe(arabicCanonical(group));
    }
  });

  it('recognises Latin spellings as Arabic without a hint, unless a Greek name is spelled the same', () => {
    const greekSpellings = new Set(GREEK_GIVEN_NAMES.flat().map(elot743));
    for (const group of ARABIC_GIVEN_NAMES) {
      for (const spelling of group.filter((s) => detectScript(s) === 'latin' && !greekSpellings.has(elot743(s))))
        expect(canonicalGivenName(spelling), spelling).toBe(arabicCanonical(group));
    }
    expect(canonicalGivenName('Anas')).not.toBe(canonicalGivenName('Άννα'));
    expect(canonicalGivenName('Elias')).toBe(canonicalGivenName('Ηλίας'));
    expect(canonicalGivenName('Elias', 'arabic')).toBe(canonicalGivenName('Ilyas'));
  });

  it('meets the romanisations the letters alone cannot fold', () => {
    expect(canonicalGivenName('Hossein')).toBe(canonicalGivenName('Hussein'));
    expect(canonicalGivenName('Fatemeh')).toBe(canonicalGivenName('Fatima'));
    expect(canonicalGivenName('Mehdi')).toBe(canonicalGivenName('Mahdi'));
    expect(canonicalGivenName('محمد')).toBe(canonicalGivenName('Muhammad'));
    expect(canonicalGivenName('Μοχάμεντ')).toBe(canonicalGivenName('Mohamed'));
    expect(canonicalGivenName('Abdul Rahman')).toBe(canonicalGivenName('عبدالرحمن'));
    expect(canonicalGivenName('Mahmoud')).not.toBe(canonicalGivenName('Muhammad'));
  });

  it('keeps its canonicals apart from the Greek ones', () => {
    const greek = new Set(GREEK_GIVEN_NAMES.map(greekCanonical));
    for (const group of ARABIC_GIVEN_NAMES) expect(greek.has(arabicCanonical(group)), group[0]).toBe(false);
  });

  it('has canonicals that are ASCII keys', () => {
    for (const group of [...GREEK_GIVEN_NAMES.map(greekCanonical), ...ARABIC_GIVEN_NAMES.map(arabicCanonical)])
      expect(group).toMatch(/^[a-z ]+$/);
  });
});
