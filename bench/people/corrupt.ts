// Turns a person's true values into one corrupted registration: a closed list of corruption codes, each
// with its own probability per population, at most one per exclusive family, and 1–4 per record.
import {
  applyAccentsDropped,
  applyArabicRomanisation,
  applyElot,
  applyFatherAsSurname,
  applyGreeklish,
  applyMarriedName,
  applyNameSwap,
  applyNickname,
  applySurnameGenderForm,
  applyTypo,
  canBeMarried,
  canSwapNames,
  canUseFatherAsSurname,
  hasAccents,
  hasGenderForms,
  hasNickname,
} from './corrupt-names.js';
import { ID_FIELDS, truthFields, type IdField, type RecordFields } from './fields.js';
import {
  compareDates,
  formatDate,
  isRealDate,
  parseDate,
  REFERENCE_DATE,
  type DateParts,
  type IdentifierIssuer,
} from './identifiers.js';
import type { GreekPerson, Group, Person } from './person.js';
import { codePoints, type Rng } from './rng.js';
import { STREETS } from './vocab-places.js';

/** Every corruption code the generator can log. */
export const CORRUPTION_CODES = [
  'script_elot',
  'script_greeklish',
  'accents_dropped',
  'arabic_romanisation',
  'typo',
  'nickname',
  'surname_gender_form',
  'married_name',
  'name_swap',
  'father_as_surname',
  'dob_typo',
  'dob_day_month_swap',
  'dob_placeholder',
  'dob_missing',
  'id_missing',
  'id_digit_wrong',
  'id_transposed',
  'id_card_reissued',
  'phone_changed',
  'address_changed',
  'sex_missing',
] as const;

/** A corruption code. */
export type CorruptionCode = (typeof CORRUPTION_CODES)[number];

/** At most this many corruptions per registration: real duplicates differ in a few fields, not all. */
export const MAX_CORRUPTIONS = 4;

interface Context {
  rng: Rng;
  issuer: IdentifierIssuer;
  touchedIds: Set<IdField>;
}

interface Step {
  code: CorruptionCode;
  p: Readonly<Record<Group, number>>;
  exclusive?: 'surname' | 'script' | 'order' | 'dob' | 'id';
  applicable: (person: Person, f: RecordFields) => boolean;
  apply: (person: Person, f: RecordFields, ctx: Context) => boolean;
}

const always = (): boolean => true;
const greekOnly =
  (fn: (p: GreekPerson) => boolean) =>
  (p: Person): boolean =>
    p.group === 'greek' && fn(p);

function withDate(f: RecordFields, change: (d: DateParts) => DateParts | null): boolean {
  const dob = parseDate(f.birth_date);
  if (!dob) return false;
  const next = change(dob);
  if (!next || !isRealDate(next) || compareDates(next, REFERENCE_DATE) >= 0 || compareDates(next, dob) === 0) return false;
  f.birth_date = formatDate(next);
  return true;
}

// One wrong digit in the day, month or the last two digits of the year; sometimes the year's digits swapped.
function dobTypo(f: RecordFields, rng: Rng): boolean {
  for (let attempt = 0; attempt < 20; attempt++) {
    const ok = withDate(f, (d) => {
      if (rng.chance(0.2)) return { ...d, y: Math.floor(d.y / 100) * 100 + (d.y % 10) * 10 + Math.floor((d.y % 100) / 10) };
      const chars = codePoints(formatDate(d));
      const pos = rng.pick([2, 3, 5, 6, 8, 9]);
      chars[pos] = String(rng.int(0, 9));
      return parseDate(chars.join(''));
    });
    if (ok) return true;
  }
  return false;
}

const ID_WEIGHTS: Readonly<Record<IdField, number>> = { amka: 4, paaypa: 4, afm: 2, id_card: 2, passport: 1 };

function pickId(f: RecordFields, ctx: Context, usable: (value: string) => boolean = () => true): IdField | null {
  const fields = ID_FIELDS.filter((x) => f[x] !== '' && !ctx.touchedIds.has(x) && usable(f[x]));
  if (fields.length === 0) return null;
  const field = ctx.rng.weighted(fields.map((x) => [x, ID_WEIGHTS[x]] as const));
  ctx.touchedIds.add(field);
  return field;
}

function digitPositions(value: string): number[] {
  return codePoints(value).flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
}

function swappablePairs(value: string): number[] {
  return digitPositions(value).filter((i) => /\d/.test(value.charAt(i + 1)) && value.charAt(i) !== value.charAt(i + 1));
}

const hasId = (_p: Person, f: RecordFields): boolean => ID_FIELDS.some((x) => f[x] !== '');

// Application order matters: name forms change before transliteration, transliteration before typos.
const STEPS: readonly Step[] = [
  {
    code: 'nickname',
    p: { greek: 0.12, arabic: 0 },
    applicable: greekOnly(hasNickname),
    apply: (p, f, c) => p.group === 'greek' && applyNickname(p, f, c.rng),
  },
  {
    code: 'surname_gender_form',
    p: { greek: 0.04, arabic: 0 },
    exclusive: 'surname',
    applicable: greekOnly(hasGenderForms),
    apply: (p, f) => p.group === 'greek' && applySurnameGenderForm(p, f),
  },
  {
    code: 'married_name',
    p: { greek: 0.07, arabic: 0 },
    exclusive: 'surname',
    applicable: canBeMarried,
    apply: (_p, f, c) => applyMarriedName(f, c.rng),
  },
  {
    code: 'script_elot',
    p: { greek: 0.14, arabic: 0 },
    exclusive: 'script',
    applicable: always,
    apply: (_p, f, c) => applyElot(f, c.rng),
  },
  {
    code: 'script_greeklish',
    p: { greek: 0.1, arabic: 0 },
    exclusive: 'script',
    applicable: always,
    apply: (_p, f, c) => applyGreeklish(f, c.rng),
  },
  {
    code: 'accents_dropped',
    p: { greek: 0.18, arabic: 0 },
    exclusive: 'script',
    applicable: (_p, f) => hasAccents(f),
    apply: (_p, f, c) => applyAccentsDropped(f, c.rng),
  },
  {
    code: 'arabic_romanisation',
    p: { greek: 0, arabic: 0.45 },
    applicable: always,
    apply: (p, f, c) => p.group === 'arabic' && applyArabicRomanisation(p, f, c.rng),
  },
  {
    code: 'father_as_surname',
    p: { greek: 0, arabic: 0.08 },
    exclusive: 'order',
    applicable: (_p, f) => canUseFatherAsSurname(f),
    apply: (_p, f) => applyFatherAsSurname(f),
  },
  {
    code: 'name_swap',
    p: { greek: 0.04, arabic: 0.08 },
    exclusive: 'order',
    applicable: (_p, f) => canSwapNames(f),
    apply: (_p, f) => applyNameSwap(f),
  },
  { code: 'typo', p: { greek: 0.28, arabic: 0.28 }, applicable: always, apply: (_p, f, c) => applyTypo(f, c.rng) },
  {
    code: 'dob_typo',
    p: { greek: 0.05, arabic: 0.05 },
    exclusive: 'dob',
    applicable: (_p, f) => f.birth_date !== '',
    apply: (_p, f, c) => dobTypo(f, c.rng),
  },
  {
    code: 'dob_day_month_swap',
    p: { greek: 0.03, arabic: 0.04 },
    exclusive: 'dob',
    applicable: (p) => p.dob.d <= 12 && p.dob.d !== p.dob.m,
    apply: (_p, f) => withDate(f, (d) => ({ y: d.y, m: d.d, d: d.m })),
  },
  {
    code: 'dob_placeholder',
    p: { greek: 0.02, arabic: 0.06 },
    exclusive: 'dob',
    applicable: (p) => !(p.dob.m === 1 && p.dob.d === 1),
    apply: (_p, f) => withDate(f, (d) => ({ y: d.y, m: 1, d: 1 })),
  },
  {
    code: 'dob_missing',
    p: { greek: 0.03, arabic: 0.05 },
    exclusive: 'dob',
    applicable: (_p, f) => f.birth_date !== '',
    apply: (_p, f) => {
      f.birth_date = '';
      return true;
    },
  },
  {
    code: 'id_card_reissued',
    p: { greek: 0.06, arabic: 0 },
    applicable: (_p, f) => f.id_card !== '',
    apply: (_p, f, c) => {
      f.id_card = c.issuer.idCard(true);
      c.touchedIds.add('id_card');
      return true;
    },
  },
  {
    code: 'id_missing',
    p: { greek: 0.14, arabic: 0.14 },
    exclusive: 'id',
    applicable: hasId,
    apply: (_p, f, c) => {
      const field = pickId(f, c);
      if (field) f[field] = '';
      return field !== null;
    },
  },
  {
    code: 'id_digit_wrong',
    p: { greek: 0.04, arabic: 0.04 },
    exclusive: 'id',
    applicable: hasId,
    apply: (_p, f, c) => {
      const field = pickId(f, c);
      if (!field) return false;
      const chars = codePoints(f[field]);
      const pos = c.rng.pick(digitPositions(f[field]));
      const old = chars[pos] ?? '0';
      chars[pos] = String((Number(old) + c.rng.int(1, 9)) % 10);
      f[field] = chars.join('');
      return true;
    },
  },
  {
    code: 'id_transposed',
    p: { greek: 0.02, arabic: 0.02 },
    exclusive: 'id',
    applicable: hasId,
    apply: (_p, f, c) => {
      const field = pickId(f, c, (v) => swappablePairs(v).length > 0);
      if (!field) return false;
      const chars = codePoints(f[field]);
      const i = c.rng.pick(swappablePairs(f[field]));
      [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
      f[field] = chars.join('');
      return true;
    },
  },
  {
    code: 'phone_changed',
    p: { greek: 0.12, arabic: 0.18 },
    applicable: always,
    apply: (_p, f, c) => {
      f.phone = c.issuer.phone(true);
      return true;
    },
  },
  {
    code: 'address_changed',
    p: { greek: 0.1, arabic: 0.18 },
    applicable: (p) => p.profile !== 'homeless',
    apply: (_p, f, c) => {
      const next = `${c.rng.pick(STREETS)} ${c.rng.int(1, 120)}`;
      if (next === f.address) return false;
      f.address = next;
      return true;
    },
  },
  {
    code: 'sex_missing',
    p: { greek: 0.05, arabic: 0.05 },
    applicable: always,
    apply: (_p, f) => {
      f.sex = '';
      return true;
    },
  },
];

/** A corrupted copy of the person's true values and the codes of the corruptions it carries (1–4). */
export function corruptRecord(
  person: Person,
  rng: Rng,
  issuer: IdentifierIssuer,
): { fields: RecordFields; codes: CorruptionCode[] } {
  const fields = truthFields(person);
  const g = person.group;
  const candidates = STEPS.filter((s) => s.p[g] > 0 && s.applicable(person, fields));
  // One uniform draw per exclusive family keeps each member at its own marginal probability.
  const families = new Map<string, { u: number; acc: number; taken: boolean }>();
  let chosen: Step[] = [];
  for (const step of candidates) {
    if (!step.exclusive) {
      if (rng.chance(step.p[g])) chosen.push(step);
      continue;
    }
    let family = families.get(step.exclusive);
    if (!family) {
      family = { u: rng.float(), acc: 0, taken: false };
      families.set(step.exclusive, family);
    }
    if (!family.taken && family.u < family.acc + step.p[g]) {
      chosen.push(step);
      family.taken = true;
    }
    family.acc += step.p[g];
  }
  if (chosen.length === 0) chosen.push(rng.weighted(candidates.map((s) => [s, s.p[g]] as const)));
  while (chosen.length > MAX_CORRUPTIONS) chosen.splice(rng.int(0, chosen.length - 1), 1);
  chosen = STEPS.filter((s) => chosen.includes(s));

  const ctx: Context = { rng, issuer, touchedIds: new Set() };
  const codes: CorruptionCode[] = [];
  for (const step of chosen) if (step.apply(person, fields, ctx)) codes.push(step.code);
  // Every duplicate must differ from the truth somewhere, or it would be a copy, not a registration.
  if (codes.length === 0 && applyTypo(fields, rng)) codes.push('typo');
  return { fields, codes };
}
