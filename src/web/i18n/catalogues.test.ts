import { describe, expect, it } from 'vitest';
import { NEEDS, STRUCTURE_TYPES } from '../../shared/directory.js';
import { PUBLIC_LANGUAGES, STAFF_LANGUAGES } from '../../shared/localized.js';
import { createTranslator, isComplete, missingKeys } from './core.js';
import type { Catalogue } from './core.js';
import { portalCatalogues } from './portal/index.js';
import { el as portalEl } from './portal/el.js';
import { en as portalEn } from './portal/en.js';
import { staffCatalogues } from './staff/index.js';
import { el as staffEl } from './staff/el.js';
import { en as staffEn } from './staff/en.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

const apps: [string, Catalogue, Catalogue][] = [
  ['portal', portalEl, portalEn],
  ['staff', staffEl, staffEn],
];

describe.each(apps)('%s catalogues', (_app, greek, english) => {
  it('el and en have exactly the same keys', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(greek).sort());
  });

  it('have no empty messages', () => {
    for (const catalogue of [greek, english]) {
      const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in el and en', () => {
    for (const [key, text] of Object.entries(greek)) {
      expect({ key, placeholders: placeholders(english[key] ?? '') }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('name each language in that language', () => {
    expect(greek['meta.languageName']).toBe('Ελληνικά');
    expect(english['meta.languageName']).toBe('English');
  });
});

describe('portal catalogues', () => {
  it('label every need, community, structure type and weekday in el and en', () => {
    const keys = [
      ...NEEDS.map((need) => `need.${need}`),
      ...STRUCTURE_TYPES.map((type) => `type.${type}`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `community.${n}`),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `weekday.${n}`),
    ];
    for (const catalogue of [portalEl, portalEn] as Catalogue[]) {
      expect(keys.filter((key) => !catalogue[key]?.trim())).toEqual([]);
    }
  });

  it('has no need labels for needs that no longer exist', () => {
    const needKeys = Object.keys(portalEl).filter((key) => key.startsWith('need.'));
    expect(needKeys.sort()).toEqual(NEEDS.map((need) => `need.${need}`).sort());
  });

  it('has a catalogue for every public language, with no unknown keys', () => {
    expect(Object.keys(portalCatalogues).sort()).toEqual([...PUBLIC_LANGUAGES].sort());
    const known = new Set(Object.keys(portalEl));
    const plural = /\.(zero|two|few|many)$/;
    for (const catalogue of Object.values(portalCatalogues)) {
      const unknown = Object.keys(catalogue).filter(
        (key) => !known.has(key) && !(plural.test(key) && known.has(key.replace(plural, '.other'))),
      );
      expect(unknown).toEqual([]);
      expect(catalogue['meta.languageName']).toBeTruthy();
    }
  });

  it('offers only complete languages: el and en today', () => {
    const complete = Object.entries(portalCatalogues).filter(([, catalogue]) => isComplete(portalEl, catalogue));
    expect(complete.map(([lang]) => lang)).toEqual(['el', 'en']);
    expect(missingKeys(portalEl, portalCatalogues.fr).length).toBeGreaterThan(0);
  });
});

describe('staff catalogues', () => {
  it('has a complete catalogue for every staff language', () => {
    expect(Object.keys(staffCatalogues).sort()).toEqual([...STAFF_LANGUAGES].sort());
    for (const catalogue of Object.values(staffCatalogues)) expect(isComplete(staffEl, catalogue)).toBe(true);
  });
});

describe('translator', () => {
  it('chooses plural forms and formats the count for the language', () => {
    const greek = createTranslator('el', portalEl, portalEl);
    const english = createTranslator('en', portalEn, portalEl);
    expect(greek.tp('results.count', 1)).toBe('1 δομή');
    expect(greek.tp('results.count', 1200)).toBe('1.200 δομές');
    expect(english.tp('results.count', 0)).toBe('0 services');
  });

  it('falls back to Greek for a message a catalogue lacks', () => {
    const french = createTranslator('fr', portalCatalogues.fr, portalEl);
    expect(french.t('search.label')).toBe('Rechercher');
    expect(french.t('home.heading')).toBe(portalEl['home.heading']);
  });
});
