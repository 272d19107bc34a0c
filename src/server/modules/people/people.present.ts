import type { SensitivityLabel } from '../../../shared/access.js';
import type { IdentifierType } from '../../../shared/people/identifiers.js';
import type { LegalStatus, TPerson, TPersonSummary } from '../../../shared/people/person.js';
import { omitUncleared } from '../../platform/auth/index.js';
import { IDENTIFIER_LABELS, PERSON_FIELD_LABELS } from './people.policy.js';
import type { IdentifierRow, PersonRow, RegistrationRow } from './people.repo.js';

/** What every view of a person starts with: the names as written and in Latin, the birth date, the sex. */
export function nameCard(row: PersonRow) {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    givenNameLatin: row.given_name_latin,
    familyNameLatin: row.family_name_latin,
    birthDate: row.birth_date,
    birthDateApproximate: row.birth_date_approximate,
    sex: row.sex,
  };
}

/** Identifiers the reader is cleared for, and whether any were left out. */
export function visibleIdentifiers(rows: IdentifierRow[], clearances: ReadonlySet<SensitivityLabel>) {
  const seen = new Set<string>();
  const visible: TPerson['identifiers'] = [];
  let omitted = false;
  for (const r of rows) {
    const label = IDENTIFIER_LABELS[r.type as IdentifierType];
    if (label && !clearances.has(label)) {
      omitted = true;
      continue;
    }
    const key = `${r.type}:${r.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    visible.push({ type: r.type as IdentifierType, value: r.value, valid: r.valid, problem: r.problem });
  }
  return { visible, omitted };
}

/**
 * A person's full record for one reader: uncleared fields left out (their names returned for the
 * audit row), identifiers filtered the same way.
 */
export function presentPerson(
  row: PersonRow,
  identifiers: IdentifierRow[],
  registrations: RegistrationRow[],
  clearances: ReadonlySet<SensitivityLabel>,
  access: TPerson['access'],
  extra: { households: TPerson['households']; records: number },
): { person: TPerson; omitted: string[] } {
  const full: TPerson = {
    id: row.id,
    version: row.version,
    access,
    confidential: row.compartment_id !== null,
    ...nameCard(row),
    aliases: row.aliases,
    fatherName: row.father_name,
    motherName: row.mother_name,
    nationality: row.nationality,
    languages: row.languages,
    legalStatus: row.legal_status as LegalStatus | null,
    phone: row.phone,
    email: row.email,
    address: row.address,
    community: row.community,
    disabilityPercent: row.disability_percent,
    disabilityNotes: row.disability_notes,
    healthNotes: row.health_notes,
    gbvNotes: row.gbv_notes,
    minority: row.minority,
    identifiers: [],
    registrations: registrations.map((r) => ({
      id: r.id,
      structure: { id: r.structure_id, slug: r.slug, name: r.name },
      registeredAt: r.registered_at,
      sourceId: r.source_id,
    })),
    households: extra.households,
    records: extra.records,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const { visible, omitted } = omitUncleared(full, PERSON_FIELD_LABELS, clearances);
  const ids = visibleIdentifiers(identifiers, clearances);
  return {
    person: { ...(visible as TPerson), identifiers: ids.visible },
    omitted: ids.omitted ? [...omitted, 'identifiers'] : omitted,
  };
}

/** A person as a list shows it (no sensitive fields at all). */
export function presentSummary(row: PersonRow, registrations: RegistrationRow[]): TPersonSummary {
  return {
    id: row.id,
    ...nameCard(row),
    nationality: row.nationality,
    structures: registrations.map((r) => ({ slug: r.slug, name: r.name })),
  };
}
