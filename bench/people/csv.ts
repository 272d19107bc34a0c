// The two CSV files of the benchmark: registrations (what a matcher sees) and the ground truth.
import type { SyntheticRecord } from './generate.js';

/** The header of the records CSV. */
export const RECORD_HEADER =
  'source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address';
/** The header of the ground-truth CSV. */
export const TRUTH_HEADER = 'source_id,truth_person_id,structure,group,hard_negative,corruptions';

/** Quotes a CSV field the RFC 4180 way when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The records-CSV line of a registration (without the line break). */
export function recordLine(r: SyntheticRecord): string {
  return [
    r.sourceId,
    r.given_name,
    r.family_name,
    r.father_name,
    r.mother_name,
    r.sex,
    r.birth_date,
    r.nationality,
    r.amka,
    r.afm,
    r.paaypa,
    r.id_card,
    r.passport,
    r.phone,
    r.address,
  ]
    .map(csvField)
    .join(',');
}

/** The truth-CSV line of a registration (without the line break). */
export function truthLine(r: SyntheticRecord): string {
  return [r.sourceId, r.truthPersonId, r.structure, r.group, r.hardNegative ?? '', r.corruptions.join('|')]
    .map(csvField)
    .join(',');
}
