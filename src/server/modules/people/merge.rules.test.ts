import { describe, expect, it } from 'vitest';
import { decideFields, mergeChange, revertPatch } from './merge.rules.js';
import type { PersonRow } from './people.repo.js';
import { planLinks } from './matching/batch.js';

const base: PersonRow = {
  id: 'a',
  cluster_id: 'a',
  compartment_id: null,
  given_name: 'Fatima',
  family_name: 'Haidari',
  given_name_latin: 'Fatima',
  family_name_latin: 'Haidari',
  aliases: [],
  father_name: null,
  mother_name: null,
  sex: 'F',
  birth_date: '1990-01-01',
  birth_date_approximate: true,
  nationality: 'AF',
  languages: ['fa'],
  legal_status: null,
  phone: '6911111111',
  email: null,
  address: 'Εγνατίας 1',
  community: null,
  disability_percent: null,
  disability_notes: null,
  health_notes: null,
  gbv_notes: null,
  minority: null,
  version: 1,
  search_text: '',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('the survivorship rule', () => {
  it('keeps equal values, fills empty ones, prefers the Greek-script name and the latest contacts', () => {
    const other: PersonRow = {
      ...base,
      id: 'b',
      cluster_id: 'b',
      given_name: 'Φατιμά',
      father_name: 'Ali',
      address: 'Λαγκαδά 12',
      updated_at: '2026-06-01T00:00:00Z',
    };
    const d = Object.fromEntries(decideFields(base, other).map((x) => [x.field, x]));
    expect(d.familyName).toMatchObject({ chosen: 'survivor', rule: 'same' });
    expect(d.givenName).toMatchObject({ chosen: 'other', rule: 'greek_script_name' });
    expect(d.fatherName).toMatchObject({ chosen: 'other', rule: 'only_other_has_value' });
    expect(d.address).toMatchObject({ chosen: 'other', rule: 'latest' });
    expect(d.phone).toMatchObject({ rule: 'same' });
    // A person's choice overrides the rule (but there is nothing to choose when both agree).
    const chosen = Object.fromEntries(
      decideFields(base, other, { address: 'survivor', phone: 'other' }).map((x) => [x.field, x]),
    );
    expect(chosen.address?.chosen).toBe('survivor');
    expect(chosen.phone?.chosen).toBe('survivor');
  });

  it('records what it changed, so that undoing it puts back exactly those fields, unless someone changed them since', () => {
    const other: PersonRow = { ...base, id: 'b', cluster_id: 'b', given_name: 'Φατιμά', address: null, father_name: 'Ali' };
    const { patch, changed } = mergeChange(base, other, decideFields(base, other));
    expect(patch).toMatchObject({ givenName: 'Φατιμά', fatherName: 'Ali' });
    expect(patch.aliases).toEqual([{ givenName: 'Fatima', familyName: 'Haidari' }]);
    expect(Object.keys(changed).sort()).toEqual(['aliases', 'fatherName', 'givenName']);
    const merged: PersonRow = { ...base, given_name: 'Φατιμά', father_name: 'Ali', aliases: patch.aliases ?? [] };
    expect(revertPatch(merged, changed)).toEqual({ givenName: 'Fatima', fatherName: null, aliases: [] });
    // The father's name was corrected after the merge: the unmerge leaves the correction alone.
    expect(revertPatch({ ...merged, father_name: 'Aly' }, changed)).toEqual({ givenName: 'Fatima', aliases: [] });
  });
});

describe('planning automatic links of an import batch', () => {
  it('joins fresh rows to the older cluster they match, groups fresh duplicates, and links older clusters one by one', () => {
    const fresh = new Set(['f1', 'f2', 'f3', 'f4']);
    const { joins, slow } = planLinks(
      [
        { row: 'f1', other: 'o1', otherCluster: 'C1', score: 0.9999 },
        { row: 'f2', other: 'f1', otherCluster: 'f1', score: 0.9995 },
        { row: 'f3', other: 'f4', otherCluster: 'f4', score: 0.9992 },
        { row: 'f4', other: 'o2', otherCluster: 'C2', score: 0.9999 },
        { row: 'f4', other: 'o3', otherCluster: 'C3', score: 0.9999 },
      ],
      fresh,
    );
    const target = Object.fromEntries(joins.map((j) => [j.rowId, j.clusterId]));
    expect(target.f1).toBe('C1');
    expect(target.f2).toBe('C1');
    expect(target.f3).toBe(target.f4);
    expect(['C2', 'C3']).toContain(target.f4);
    // Two clusters that existed before the batch are joined as clusters, not in bulk.
    expect(slow).toHaveLength(1);
  });
});
