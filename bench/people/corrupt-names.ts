// Corruptions of the name fields. Each returns false when it could not change anything, so the code is
// logged only for changes that really happened.
import type { RecordFields, NameField } from './fields.js';
import { NAME_FIELDS } from './fields.js';
import { ageAt } from './identifiers.js';
import { arabicScript, romanisations, type ArabicPerson, type GreekGiven, type GreekPerson, type Person } from './person.js';
import type { Rng } from './rng.js';
import { elot, greeklish, randomGreeklishStyle, stripAccents, titleCase, upperCase } from './translit.js';
import { typo } from './typo.js';
import { GREEK_SURNAMES } from './vocab-greek-surnames.js';

function otherForm(given: GreekGiven | null, current: string, rng: Rng): string | null {
  if (!given) return null;
  const { formal, everyday } = given.entry;
  const forms = [formal, ...everyday].filter((f) => f !== current);
  if (forms.length === 0) return null;
  // From a nickname people mostly go back to the name on their ID card.
  if (current !== formal && rng.chance(0.7)) return formal;
  return rng.pick(forms);
}

/** True when the given or father's name has another (formal/everyday) form. */
export function hasNickname(p: GreekPerson): boolean {
  return [p.given, p.father].some((g) => g !== null && g.entry.everyday.length > 0);
}

/** Formal ↔ everyday form of the given name (or, failing that, of the father's name). */
export function applyNickname(p: GreekPerson, f: RecordFields, rng: Rng): boolean {
  const slots: [NameField, GreekGiven | null, number][] = [
    ['given_name', p.given, 8],
    ['father_name', p.father, 2],
  ];
  const usable = slots.filter(([field, given]) => otherForm(given, f[field], rng) !== null);
  if (usable.length === 0) return false;
  const [field, given] = rng.weighted(usable.map((s) => [s, s[2]] as const));
  const form = otherForm(given, f[field], rng);
  if (form === null) return false;
  f[field] = form;
  return true;
}

/** True when the surname's masculine and feminine forms differ (not ‑ίου, ‑όγλου). */
export function hasGenderForms(p: GreekPerson): boolean {
  return p.surname.masculine !== p.surname.feminine;
}

/** Records the surname in the other gender's form (a clerk copying a relative's surname). */
export function applySurnameGenderForm(p: GreekPerson, f: RecordFields): boolean {
  f.family_name = p.sex === 'F' ? p.surname.masculine : p.surname.feminine;
  return true;
}

/** True for women old enough to have registered under a husband's surname. */
export function canBeMarried(p: Person): boolean {
  return p.group === 'greek' && p.sex === 'F' && ageAt(p.dob) >= 20;
}

/** Replaces a woman's surname with another feminine surname (her husband's, in the genitive). */
export function applyMarriedName(f: RecordFields, rng: Rng): boolean {
  for (let i = 0; i < 10; i++) {
    const husband = rng.zipf(GREEK_SURNAMES, 1, 10).feminine;
    if (husband !== f.family_name) {
      f.family_name = husband;
      return true;
    }
  }
  return false;
}

function mapNames(f: RecordFields, convert: (text: string) => string): boolean {
  let changed = false;
  for (const field of NAME_FIELDS) {
    const next = f[field] ? convert(f[field]) : '';
    if (next !== f[field]) changed = true;
    f[field] = next;
  }
  return changed;
}

/** All names in ELOT 743 Latin, title case or passport capitals. */
export function applyElot(f: RecordFields, rng: Rng): boolean {
  const upper = rng.chance(0.4);
  return mapNames(f, (t) => (upper ? elot(t).toUpperCase() : titleCase(elot(t))));
}

/** All names in one clerk's greeklish. */
export function applyGreeklish(f: RecordFields, rng: Rng): boolean {
  const style = randomGreeklishStyle(rng);
  const upper = rng.chance(0.25);
  return mapNames(f, (t) => (upper ? greeklish(t, style).toUpperCase() : titleCase(greeklish(t, style))));
}

/** True when some name still carries a Greek accent. */
export function hasAccents(f: RecordFields): boolean {
  return NAME_FIELDS.some((field) => stripAccents(f[field]) !== f[field]);
}

/** Drops the accents; half the time the names are also in capitals, as accentless Greek usually is. */
export function applyAccentsDropped(f: RecordFields, rng: Rng): boolean {
  const upper = rng.chance(0.5);
  return mapNames(f, (t) => (upper ? upperCase(t) : stripAccents(t)));
}

/** Another romanisation of the Arabic-script names, or a switch between Arabic script and Latin. */
export function applyArabicRomanisation(p: ArabicPerson, f: RecordFields, rng: Rng): boolean {
  const forms = [p.given, p.family, p.father, p.mother] as const;
  const variantsOf = (i: number): readonly string[] => {
    const form = forms[i];
    return form ? romanisations(form.entry, p.subgroup) : [];
  };
  const toLatin = p.script === 'arabic';
  const canVary = !toLatin && forms.some((form, i) => form !== null && variantsOf(i).length > 1);
  const toScript = !toLatin && (!canVary || rng.chance(0.35));
  const upper = rng.chance(0.2);
  let changed = false;
  for (let attempt = 0; attempt < 5 && !changed; attempt++) {
    NAME_FIELDS.forEach((field, i) => {
      const form = forms[i];
      if (!form) return;
      let next = f[field];
      if (toLatin) next = rng.pick(variantsOf(i));
      else if (toScript) next = arabicScript(form.entry, p.subgroup);
      else if (rng.chance(0.6)) {
        const others = variantsOf(i).filter((v) => v !== f[field]);
        if (others.length > 0) next = rng.pick(others);
      }
      // Capitals only come with a new transcription (a passport copied at the desk), not on their own.
      if (upper && toLatin) next = next.toUpperCase();
      if (next !== f[field]) changed = true;
      f[field] = next;
    });
  }
  return changed;
}

/** True when the father's name is known and differs from the family name. */
export function canUseFatherAsSurname(f: RecordFields): boolean {
  return f.father_name !== '' && f.father_name !== f.family_name;
}

/** Records the father's given name as the family name (common with Arabic and Afghan naming). */
export function applyFatherAsSurname(f: RecordFields): boolean {
  if (!canUseFatherAsSurname(f)) return false;
  f.family_name = f.father_name;
  return true;
}

/** True when given and family names are both present and different. */
export function canSwapNames(f: RecordFields): boolean {
  return f.family_name !== '' && f.given_name !== f.family_name;
}

/** Swaps given and family names. */
export function applyNameSwap(f: RecordFields): boolean {
  if (!canSwapNames(f)) return false;
  [f.given_name, f.family_name] = [f.family_name, f.given_name];
  return true;
}

const TYPO_WEIGHTS: Readonly<Record<NameField, number>> = {
  given_name: 35,
  family_name: 45,
  father_name: 10,
  mother_name: 10,
};

/** A Damerau-mix typo in one name field, chosen by weight among the non-empty ones. */
export function applyTypo(f: RecordFields, rng: Rng): boolean {
  const fields = NAME_FIELDS.filter((field) => f[field] !== '');
  if (fields.length === 0) return false;
  const field = rng.weighted(fields.map((x) => [x, TYPO_WEIGHTS[x]] as const));
  const next = typo(f[field], rng);
  if (next === f[field]) return false;
  f[field] = next;
  return true;
}
