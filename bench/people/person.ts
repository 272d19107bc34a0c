// The true persons of the synthetic population, and the hard negatives built next to them: twins,
// a father and son of the same name, and forced namesakes.
import { ageAt, compareDates, daysInMonth, REFERENCE_DATE, type DateParts, type IdentifierIssuer } from './identifiers.js';
import type { Rng } from './rng.js';
import { ARABIC_FAMILY } from './vocab-arabic-family.js';
import { ARABIC_GIVEN, toPersianLetters, type ArabicName, type ArabicSubgroup } from './vocab-arabic-given.js';
import { GREEK_FEMALE, GREEK_MALE, type GreekGivenName } from './vocab-greek-given.js';
import { GREEK_SURNAMES, type GreekSurname } from './vocab-greek-surnames.js';
import { NATIONALITIES, STREETS, type StructureProfile } from './vocab-places.js';

/** The two populations of the benchmark. */
export type Group = 'greek' | 'arabic';
/** A kind of look-alike pair of distinct persons. */
export type HardNegativeKind = 'twin' | 'father_son' | 'namesake';

/** A Greek given name as this person writes it (formal or everyday form). */
export interface GreekGiven {
  entry: GreekGivenName;
  form: string;
}

/** An Arabic-script name and the romanisation this person's papers use. */
export interface ArabicForm {
  entry: ArabicName;
  variant: string;
}

interface PersonBase {
  id: string;
  sex: 'M' | 'F';
  dob: DateParts;
  profile: StructureProfile;
  nationality: string;
  amka: string;
  afm: string;
  paaypa: string;
  idCard: string;
  passport: string;
  phone: string;
  address: string;
  hardNegative?: HardNegativeKind;
  hardNegativeOf?: string;
}

/** A Greek person: names in Greek script. */
export interface GreekPerson extends PersonBase {
  group: 'greek';
  given: GreekGiven;
  surname: GreekSurname;
  father: GreekGiven | null;
  mother: GreekGiven | null;
}

/** An Arabic, Farsi/Dari or Pashto speaking person, registered in Arabic script or in Latin. */
export interface ArabicPerson extends PersonBase {
  group: 'arabic';
  subgroup: ArabicSubgroup;
  script: 'arabic' | 'latin';
  dobPlaceholder: boolean;
  given: ArabicForm;
  family: ArabicForm | null;
  father: ArabicForm | null;
  mother: ArabicForm | null;
}

/** A true person. */
export type Person = GreekPerson | ArabicPerson;

// Filtered once at load: Rng.zipf caches its tables per array.
const ARABIC_GIVEN_BY = new Map<string, readonly ArabicName[]>();
const ARABIC_FAMILY_BY = new Map<string, readonly ArabicName[]>();
for (const sub of ['arabic', 'farsi', 'pashto'] as const) {
  for (const sex of ['M', 'F'] as const) {
    ARABIC_GIVEN_BY.set(
      sub + sex,
      ARABIC_GIVEN.filter((n) => n.sex === sex && n.subgroups.includes(sub)),
    );
  }
  ARABIC_FAMILY_BY.set(
    sub,
    ARABIC_FAMILY.filter((n) => n.subgroups.includes(sub)),
  );
}

function listOf<T>(map: Map<string, readonly T[]>, key: string): readonly T[] {
  const list = map.get(key);
  if (!list || list.length === 0) throw new Error(`empty vocabulary ${key}`);
  return list;
}

/** The Latin romanisations of a name that a person of this subgroup would meet. */
export function romanisations(entry: ArabicName, subgroup: ArabicSubgroup): readonly string[] {
  return subgroup === 'arabic' ? entry.latin : entry.latinPersian;
}

/** A name in Arabic script, with Farsi/Pashto letter shapes where the subgroup uses them. */
export function arabicScript(entry: ArabicName, subgroup: ArabicSubgroup): string {
  return subgroup === 'arabic' ? entry.script : toPersianLetters(entry.script);
}

/** A person's surname in the form that matches their sex. */
export function greekSurnameFor(person: GreekPerson): string {
  return person.sex === 'F' ? person.surname.feminine : person.surname.masculine;
}

// Age bands (years, inclusive) and weights: Greek clients are older, refugees younger.
const AGE_BANDS: Readonly<Record<Group, readonly (readonly [readonly [number, number], number])[]>> = {
  greek: [
    [[0, 17], 14],
    [[18, 39], 22],
    [[40, 64], 34],
    [[65, 95], 30],
  ],
  arabic: [
    [[0, 17], 30],
    [[18, 39], 45],
    [[40, 64], 22],
    [[65, 85], 3],
  ],
};

interface Constraints {
  sex?: 'M' | 'F';
  maxAge?: number;
  subgroup?: ArabicSubgroup;
}

/** Builds persons from one random stream; identifiers come from the shared issuer. */
export class PersonFactory {
  private counter = 0;

  constructor(
    private readonly rng: Rng,
    private readonly issuer: IdentifierIssuer,
  ) {}

  private nextId(): string {
    this.counter++;
    return `P${String(this.counter).padStart(7, '0')}`;
  }

  private dateInYear(y: number): DateParts {
    const m = this.rng.int(1, 12);
    return { y, m, d: this.rng.int(1, daysInMonth(y, m)) };
  }

  private dobFor(group: Group, maxAge?: number): DateParts {
    for (;;) {
      const [lo, hi] = this.rng.weighted(AGE_BANDS[group]);
      const age = this.rng.int(lo, hi);
      if (maxAge !== undefined && age > maxAge) continue;
      const dob = this.dateInYear(REFERENCE_DATE.y - age - 1);
      // Someone born after 1 January of the reference year would have a birth date in the future.
      if (compareDates(dob, REFERENCE_DATE) < 0) return dob;
    }
  }

  private greekGiven(sex: 'M' | 'F', formalShare: number): GreekGiven {
    const entry = this.rng.zipf(sex === 'M' ? GREEK_MALE : GREEK_FEMALE, 1, 1);
    // The first everyday form is the usual one (Γιώργος); diminutives such as Γιωργάκης are rarer.
    const form = entry.everyday.length > 0 && !this.rng.chance(formalShare) ? this.rng.zipf(entry.everyday, 2) : entry.formal;
    return { entry, form };
  }

  private arabicForm(entry: ArabicName, subgroup: ArabicSubgroup): ArabicForm {
    return { entry, variant: this.rng.zipf(romanisations(entry, subgroup), 1, 0) };
  }

  private arabicGiven(subgroup: ArabicSubgroup, sex: 'M' | 'F'): ArabicForm {
    return this.arabicForm(this.rng.zipf(listOf(ARABIC_GIVEN_BY, subgroup + sex), 1, 1), subgroup);
  }

  private address(): string {
    return `${this.rng.pick(STREETS)} ${this.rng.int(1, 40) + (this.rng.chance(0.3) ? this.rng.int(0, 200) : 0)}`;
  }

  // Identifiers depend on age and group; the share of each follows the brief (AMKA ~90% of Greeks …).
  private assignIds(p: Person): void {
    const age = ageAt(p.dob);
    const greek = p.group === 'greek';
    p.amka = this.rng.chance(greek ? 0.9 : 0.15) ? this.issuer.amka(p.dob, p.sex) : '';
    p.afm = age >= 18 && this.rng.chance(greek ? 0.6 : 0.15) ? this.issuer.afm() : '';
    p.idCard = greek && age >= 12 && this.rng.chance(0.62) ? this.issuer.idCard() : '';
    p.paaypa = !greek && this.rng.chance(0.6) ? this.issuer.paaypa() : '';
    p.passport = (greek ? age >= 18 && this.rng.chance(0.06) : this.rng.chance(0.3)) ? this.issuer.passport() : '';
    p.phone = this.rng.chance(greek ? 0.85 : 0.8) ? this.issuer.phone() : '';
  }

  // Identity and housing; the identifiers are filled in by assignIds once the person is complete.
  private base(group: Group, dob: DateParts): { id: string; profile: StructureProfile; address: string } {
    const homeless = ageAt(dob) >= 18 && this.rng.chance(group === 'greek' ? 0.03 : 0.04);
    const housed = this.rng.chance(group === 'greek' ? 0.9 : 0.65);
    return { id: this.nextId(), profile: homeless ? 'homeless' : group, address: !homeless && housed ? this.address() : '' };
  }

  /** A new Greek person. */
  greek(c: Constraints = {}): GreekPerson {
    const sex = c.sex ?? (this.rng.chance(0.52) ? 'F' : 'M');
    const dob = this.dobFor('greek', c.maxAge);
    const { id, profile, address } = this.base('greek', dob);
    // Spelled out rather than spread: V8 is slow on spreads followed by more properties.
    const p: GreekPerson = {
      id,
      group: 'greek',
      sex,
      dob,
      profile,
      nationality: this.rng.weighted(NATIONALITIES.greek),
      given: this.greekGiven(sex, 0.7),
      surname: this.rng.zipf(GREEK_SURNAMES, 1, 10),
      father: this.rng.chance(0.9) ? this.greekGiven('M', 0.65) : null,
      mother: this.rng.chance(0.8) ? this.greekGiven('F', 0.65) : null,
      amka: '',
      afm: '',
      paaypa: '',
      idCard: '',
      passport: '',
      phone: '',
      address,
    };
    this.assignIds(p);
    return p;
  }

  /** A new person of the Arabic-script population. */
  arabic(c: Constraints = {}): ArabicPerson {
    const subgroup =
      c.subgroup ??
      this.rng.weighted<ArabicSubgroup>([
        ['arabic', 55],
        ['farsi', 30],
        ['pashto', 15],
      ]);
    const sex = c.sex ?? (this.rng.chance(0.45) ? 'F' : 'M');
    const placeholder = this.rng.chance(0.3);
    const drawn = this.dobFor('arabic', c.maxAge);
    const dob = placeholder ? { y: drawn.y, m: 1, d: 1 } : drawn;
    const nationality = this.rng.weighted(NATIONALITIES[subgroup]);
    // Many Afghans have a single name; their registrations carry no family name at all.
    const singleName = nationality === 'AF' && this.rng.chance(0.2);
    const { id, profile, address } = this.base('arabic', dob);
    const p: ArabicPerson = {
      id,
      group: 'arabic',
      subgroup,
      sex,
      dob,
      dobPlaceholder: placeholder,
      profile,
      nationality,
      script: this.rng.chance(0.4) ? 'arabic' : 'latin',
      given: this.arabicGiven(subgroup, sex),
      family: singleName ? null : this.arabicForm(this.rng.zipf(listOf(ARABIC_FAMILY_BY, subgroup), 1, 5), subgroup),
      father: this.rng.chance(0.85) ? this.arabicGiven(subgroup, 'M') : null,
      mother: this.rng.chance(0.55) ? this.arabicGiven(subgroup, 'F') : null,
      amka: '',
      afm: '',
      paaypa: '',
      idCard: '',
      passport: '',
      phone: '',
      address,
    };
    this.assignIds(p);
    return p;
  }

  /** A person of either group (75% Greek). */
  any(c: Constraints = {}): Person {
    return this.rng.chance(0.75) ? this.greek(c) : this.arabic(c);
  }

  private link(a: Person, b: Person, kind: HardNegativeKind): void {
    a.hardNegative = kind;
    a.hardNegativeOf = b.id;
    b.hardNegative = kind;
    b.hardNegativeOf = a.id;
  }

  /** A twin: same surname, birth date, parents and household; a different given name and identifiers. */
  twinOf(p: Person): Person {
    const sex = this.rng.chance(0.5) ? p.sex : p.sex === 'M' ? 'F' : 'M';
    let twin: Person;
    if (p.group === 'greek') {
      let given = this.greekGiven(sex, 0.7);
      while (given.entry === p.given.entry) given = this.greekGiven(sex, 0.7);
      twin = { ...this.greek({ sex }), given, surname: p.surname, father: p.father, mother: p.mother };
    } else {
      let given = this.arabicGiven(p.subgroup, sex);
      while (given.entry === p.given.entry) given = this.arabicGiven(p.subgroup, sex);
      const { script, dobPlaceholder, family, father, mother } = p;
      twin = { ...this.arabic({ sex, subgroup: p.subgroup }), script, dobPlaceholder, given, family, father, mother };
    }
    Object.assign(twin, { dob: p.dob, nationality: p.nationality, address: p.address, profile: p.profile });
    // Identifiers again: the AMKA encodes the birth date, which just changed.
    this.assignIds(twin);
    if (p.phone && this.rng.chance(0.6)) twin.phone = p.phone;
    this.link(p, twin, 'twin');
    return twin;
  }

  /** The father of a son with the same given name and surname, born 25–35 years earlier. */
  fatherOf(son: Person): Person {
    const father: Person = son.group === 'greek' ? this.greek({ sex: 'M' }) : this.arabic({ sex: 'M', subgroup: son.subgroup });
    father.dob = this.dateInYear(son.dob.y - this.rng.int(25, 35));
    if (father.group === 'greek' && son.group === 'greek') {
      Object.assign(father, { given: son.given, surname: son.surname });
      son.father = son.given;
    } else if (father.group === 'arabic' && son.group === 'arabic') {
      // The same script too: a look-alike pair should look alike on the page.
      Object.assign(father, { script: son.script, given: son.given, family: son.family, nationality: son.nationality });
      father.dobPlaceholder = false;
      son.father = son.given;
    }
    if (this.rng.chance(0.5)) father.address = son.address;
    this.assignIds(father);
    this.link(son, father, 'father_son');
    return father;
  }

  /** Another person with the same given name and surname but a different birth date and parents. */
  namesakeOf(p: Person): Person {
    const other: Person = p.group === 'greek' ? this.greek({ sex: p.sex }) : this.arabic({ sex: p.sex, subgroup: p.subgroup });
    while (compareDates(other.dob, p.dob) === 0) other.dob = this.dobFor(p.group);
    if (other.group === 'greek' && p.group === 'greek') {
      Object.assign(other, { given: p.given, surname: p.surname });
    } else if (other.group === 'arabic' && p.group === 'arabic') {
      Object.assign(other, { script: p.script, given: p.given, family: p.family });
    }
    this.assignIds(other);
    this.link(p, other, 'namesake');
    return other;
  }

  /** The next one or two persons: usually one, sometimes a person and their hard negative. */
  next(room: number): Person[] {
    const roll = room >= 2 ? this.rng.float() : 1;
    if (roll < 0.0025) {
      const p = this.any();
      return [p, this.twinOf(p)];
    }
    if (roll < 0.005) {
      // A son young enough for his father to be alive and registered.
      const son = this.any({ sex: 'M', maxAge: 60 });
      return [son, this.fatherOf(son)];
    }
    if (roll < 0.0075) {
      const p = this.any();
      return [p, this.namesakeOf(p)];
    }
    return [this.any()];
  }
}
