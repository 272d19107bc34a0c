// The fields of one registration, exactly as the CSV has them, and a person's true values.
import { formatDate } from './identifiers.js';
import { arabicScript, greekSurnameFor, type ArabicForm, type ArabicPerson, type Person } from './person.js';

/** The CSV fields of a registration ('' when empty). */
export interface RecordFields {
  given_name: string;
  family_name: string;
  father_name: string;
  mother_name: string;
  sex: 'M' | 'F' | '';
  birth_date: string;
  nationality: string;
  amka: string;
  afm: string;
  paaypa: string;
  id_card: string;
  passport: string;
  phone: string;
  address: string;
}

/** The four name fields, in the order corruptions consider them. */
export const NAME_FIELDS = ['given_name', 'family_name', 'father_name', 'mother_name'] as const;
/** A name field. */
export type NameField = (typeof NAME_FIELDS)[number];

/** The identifier fields that id_* corruptions may touch. */
export const ID_FIELDS = ['amka', 'afm', 'paaypa', 'id_card', 'passport'] as const;
/** An identifier field. */
export type IdField = (typeof ID_FIELDS)[number];

/** An Arabic-script name as a person of this record's script writes it. */
export function arabicText(person: ArabicPerson, form: ArabicForm | null): string {
  if (!form) return '';
  return person.script === 'arabic' ? arabicScript(form.entry, person.subgroup) : form.variant;
}

/** The person's true values: what a clean registration records. */
export function truthFields(person: Person): RecordFields {
  // One literal, no spread: V8 takes a slow path for spreads followed by more properties (a hot loop here).
  const greek = person.group === 'greek';
  return {
    given_name: greek ? person.given.form : arabicText(person, person.given),
    family_name: greek ? greekSurnameFor(person) : arabicText(person, person.family),
    father_name: greek ? (person.father?.form ?? '') : arabicText(person, person.father),
    mother_name: greek ? (person.mother?.form ?? '') : arabicText(person, person.mother),
    sex: person.sex,
    birth_date: formatDate(person.dob),
    nationality: person.nationality,
    amka: person.amka,
    afm: person.afm,
    paaypa: person.paaypa,
    id_card: person.idCard,
    passport: person.passport,
    phone: person.phone,
    address: person.address,
  };
}
