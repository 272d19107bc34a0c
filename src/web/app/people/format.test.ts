import { describe, expect, it } from 'vitest';
import { IDENTIFIER_TYPES } from '../../../shared/people/identifiers.js';
import { LEGAL_STATUSES, ZPersonCreate, type TPerson } from '../../../shared/people/person.js';
import { COMPARISONS, CONSENT_PURPOSES, LAWFUL_BASES, RELATIONSHIPS, ZMergeField } from '../../../shared/people/registry.js';
import { createTranslator } from '../../i18n/core.js';
import { el } from '../../i18n/staff/el.js';
import { en } from '../../i18n/staff/en.js';
import { formErrors } from './errors.js';
import {
  allowedIdentifierTypes,
  formatBirthDate,
  formatDate,
  formatPercent,
  fullName,
  isUuid,
  latinName,
  reasonsText,
  today,
} from './format.js';
import {
  emptyPersonForm,
  inputId,
  matchDraft,
  personFormFrom,
  personInput,
  personPatch,
  problemsFromApi,
  rebase,
} from './personForm.js';
import { checkPerson, isPlausibleBirthDate } from './validate.js';

const greek = createTranslator('el', el, el).t;
const english = createTranslator('en', en, el).t;

describe('dates', () => {
  it('writes a calendar date as dd/mm/yyyy without going through a time zone', () => {
    expect(formatDate('1984-03-07')).toBe('07/03/1984');
    expect(formatDate(null)).toBe('');
  });

  it('writes a timestamp as the local day', () => {
    const at = new Date(2026, 4, 9, 23, 30);
    expect(formatDate(at.toISOString())).toBe('09/05/2026');
  });

  it('marks an approximate birth date', () => {
    expect(formatBirthDate('1980-01-01', true, greek('person.approximate'))).toBe('01/01/1980 (κατά προσέγγιση)');
    expect(formatBirthDate('1980-01-01', false, greek('person.approximate'))).toBe('01/01/1980');
    expect(formatBirthDate(null, true, greek('person.approximate'))).toBe('');
  });

  it('gives today in the browser’s time zone', () => {
    expect(today(new Date(2026, 0, 2, 0, 15))).toBe('2026-01-02');
  });
});

describe('names and matches', () => {
  const p = { givenName: 'Γιώργος', familyName: 'Παπαδόπουλος', givenNameLatin: 'Giorgos', familyNameLatin: 'Papadopoulos' };

  it('shows the Latin spelling only when it differs from the name as written', () => {
    expect(fullName(p)).toBe('Γιώργος Παπαδόπουλος');
    expect(latinName(p)).toBe('Giorgos Papadopoulos');
    expect(latinName({ givenName: 'Anna', familyName: 'Smith', givenNameLatin: 'ANNA', familyNameLatin: 'SMITH' })).toBeNull();
  });

  it('reads the reasons of a match as one line', () => {
    const labels = {
      agreed: greek('intake.match.agreed'),
      partial: greek('intake.match.partial'),
      disagreed: greek('intake.match.disagreed'),
      comparison: (c: (typeof COMPARISONS)[number]) => greek(`intake.comparison.${c}`),
    };
    const text = reasonsText({ agreed: ['strongId', 'birthDate', 'familyName'], partial: [], disagreed: ['sex'] }, labels);
    expect(text).toBe('Συμφωνούν: ΑΜΚΑ/ΑΦΜ, ημερομηνία γέννησης, επώνυμο · Διαφέρουν: φύλο');
    expect(reasonsText({ agreed: [], partial: [], disagreed: [] }, labels)).toBe('');
  });

  it('never rounds a score up to certainty', () => {
    expect(formatPercent(0.873, 'el')).toBe('87%');
    expect(formatPercent(0.9996, 'en')).toBe('99%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('recognises record ids', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('new')).toBe(false);
  });
});

describe('labels', () => {
  it('names every closed list of the registry in the staff catalogue', () => {
    const keys = [
      ...COMPARISONS.map((c) => `intake.comparison.${c}`),
      ...IDENTIFIER_TYPES.map((i) => `person.identifier.${i}`),
      ...LEGAL_STATUSES.map((s) => `person.legalStatus.${s}`),
      ...RELATIONSHIPS.map((r) => `household.rel.${r}`),
      ...CONSENT_PURPOSES.map((p) => `consent.purpose.${p}`),
      ...LAWFUL_BASES.map((b) => `consent.basis.${b}`),
      ...['active', 'expired', 'withdrawn'].map((s) => `consent.status.${s}`),
      ...['auto', 'review', 'none'].map((d) => `intake.match.decision.${d}`),
      ...['link', 'unlink', 'cannot_link'].map((a) => `merge.action.${a}`),
      ...['link', 'reject', 'cannot_link'].map((d) => `duplicates.done.${d}`),
      ...ZMergeField.shape.rule.options.map((r) => `merge.rule.${r}`),
      ...['empty', 'characters', 'length', 'format', 'checksum', 'date', 'zero'].map((p) => `person.idProblem.${p}`),
    ];
    expect(keys.filter((k) => !(k in el))).toEqual([]);
  });

  it('offers the migration documents only to those cleared for migration status', () => {
    expect(allowedIdentifierTypes([])).not.toContain('asylum_card');
    expect(allowedIdentifierTypes(['migration'])).toEqual([...IDENTIFIER_TYPES]);
  });
});

describe('the person form', () => {
  const filled = {
    ...emptyPersonForm(),
    givenName: ' Μαρία ',
    familyName: 'Κ.',
    birthDate: '1990-05-04',
    legalStatus: 'asylum_seeker' as const,
    healthNotes: 'διαβήτης',
    community: '3',
    identifiers: [
      { key: 0, type: 'amka' as const, value: ' 04059012345 ' },
      { key: 1, type: 'afm' as const, value: '' },
    ],
  };

  it('sends what the schema accepts, leaving out what the worker is not cleared for', () => {
    const input = personInput(filled, ['migration']);
    expect(input).toMatchObject({ givenName: 'Μαρία', community: 3, legalStatus: 'asylum_seeker', phone: null });
    expect(input.identifiers).toEqual([{ type: 'amka', value: '04059012345' }]);
    expect('healthNotes' in input).toBe(false);
    expect(ZPersonCreate.safeParse(input).success).toBe(true);
    expect('legalStatus' in personInput(filled, [])).toBe(false);
  });

  it('patches only what changed', () => {
    const person = {
      givenName: 'Μαρία',
      familyName: 'Κ.',
      givenNameLatin: 'Maria',
      familyNameLatin: 'K.',
      fatherName: null,
      motherName: null,
      sex: 'F',
      birthDate: '1990-05-04',
      birthDateApproximate: false,
      nationality: 'GR',
      languages: ['el'],
      phone: null,
      email: null,
      address: null,
      community: 2,
      identifiers: [{ type: 'amka', value: '04059012345', valid: true, problem: null }],
    } as unknown as TPerson;
    const before = personFormFrom(person);
    expect(personPatch(before, { ...before, phone: '2310 123456' }, [])).toEqual({ phone: '2310 123456' });
    expect(personPatch(before, before, [])).toEqual({});
  });

  it('after a conflict, lays the worker’s own changes over the version someone else saved', () => {
    const base = { ...emptyPersonForm(), givenName: 'Μαρία', phone: '' };
    const typed = { ...base, phone: '2310 555123' };
    const fresh = { ...base, address: 'Εγνατίας 1' };
    const next = rebase(base, typed, fresh);
    expect(next).toMatchObject({ phone: '2310 555123', address: 'Εγνατίας 1', givenName: 'Μαρία' });
    expect(personPatch(fresh, next, [])).toEqual({ phone: '2310 555123' });
  });

  it('searches for candidates only once there is enough to search with', () => {
    expect(matchDraft({ ...emptyPersonForm(), givenName: 'Ali' })).toBeNull();
    expect(matchDraft({ ...emptyPersonForm(), givenName: 'Ali', birthDate: '2001-02-03' })).toMatchObject({ givenName: 'Ali' });
    expect(matchDraft({ ...emptyPersonForm(), familyName: 'Hassan' })).toEqual({ familyName: 'Hassan', limit: 8 });
    expect(matchDraft({ ...emptyPersonForm(), identifiers: [{ key: 0, type: 'amka', value: '0405901' }] })).not.toBeNull();
  });

  it('checks as the schema does, naming fields as the server names them', () => {
    expect(checkPerson(personInput(filled, []), 'create')).toEqual([]);
    const bad = personInput({ ...filled, givenName: '', email: 'not an address', birthDate: '1890-01-01', community: '9' }, []);
    expect(checkPerson(bad, 'create').map((p) => p.path)).toEqual(['givenName', 'birthDate', 'email', 'community']);
    expect(checkPerson({ phone: '2310 123456' }, 'patch')).toEqual([]);
    expect(isPlausibleBirthDate('2000-02-30')).toBe(false);
  });

  it('turns problems into the error summary and messages beside the fields', () => {
    const problems = problemsFromApi([
      { field: 'body.healthNotes', code: 'not_cleared' },
      { field: 'body.identifiers.1.value', code: 'too_small' },
    ]);
    const { summary, byPath } = formErrors(problems, 'intake', english);
    expect(summary).toEqual([
      { field: 'intake-healthNotes', text: 'Your role does not allow you to write the field “Health notes”.' },
      { field: 'intake-identifier-1-value', text: 'Fill in “Number of identifier 2”.' },
    ]);
    expect(byPath['identifiers.1.value']).toBe('Fill in “Number of identifier 2”.');
    expect(inputId('edit', 'sex')).toBe('edit-sex-M');
  });
});
