import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CATALOGUE_DIR, readCatalogue } from './catalogue.js';

function copyCatalogue(edit: (structures: Record<string, unknown>[]) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-catalogue-'));
  for (const f of ['organisations', 'programmes'])
    fs.copyFileSync(path.join(DEMO_CATALOGUE_DIR, `${f}.json`), path.join(dir, `${f}.json`));
  const structures = JSON.parse(fs.readFileSync(path.join(DEMO_CATALOGUE_DIR, 'structures.json'), 'utf8')) as Record<
    string,
    unknown
  >[];
  edit(structures);
  fs.writeFileSync(path.join(dir, 'structures.json'), JSON.stringify(structures));
  return dir;
}

describe('the demo catalogue', () => {
  const c = readCatalogue();

  it('represents every row of the DOMAIN.md table', () => {
    expect([...new Set(c.structures.map((s) => s.domainRow))].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 27 }, (_, i) => i + 1),
    );
  });

  it('keeps the figures the documents give', () => {
    const figure = (slug: string, key: string) =>
      c.structures.find((s) => s.slug === slug)?.capacity.find((x) => x.key === key)?.value;
    expect(figure('react-apartments', 'apartment_places')).toBe(650);
    expect(figure('filoxeneio-arsis', 'shelter_places')).toBe(30);
    expect(figure('social-rental-agency', 'homes')).toBe(30);
    expect(figure('disability-transport', 'vehicles')).toBe(3);
    expect(figure('disability-transport', 'shifts')).toBe(2);
    expect(figure('social-laundry', 'washing_machines')).toBe(3);
    expect(figure('social-laundry', 'dryers')).toBe(3);
    const budget = (code: string) => c.programmes.find((p) => p.code.includes(code))?.budgetEur;
    expect(budget('5002722')).toBe(1775248);
    expect(budget('5001616')).toBe(3421912);
  });

  it('marks the women’s shelter confidential', () => {
    expect(c.structures.find((s) => s.slug === 'womens-shelter')?.confidential).toBe(true);
  });

  it('splits the rows that name several structures', () => {
    const slugsOfRow = (row: number) => c.structures.filter((s) => s.domainRow === row).map((s) => s.slug);
    expect(slugsOfRow(12)).toHaveLength(2); // Triandria and Monastiriou clinics
    expect(slugsOfRow(19)).toHaveLength(2); // the two Roma centres
    expect(slugsOfRow(18)).toHaveLength(2); // House of Women and Kyttaro
  });

  it('refuses a file with an invalid field, naming where', () => {
    const dir = copyCatalogue((s) => {
      if (s[0]) s[0].community = 9;
    });
    expect(() => readCatalogue(dir)).toThrow(/0\.community/);
  });

  it('refuses a structure of an unknown organisation or a duplicate slug', () => {
    const dir = copyCatalogue((s) => {
      if (s[0]) s[0].organisation = 'nobody';
      if (s[1] && s[2]) s[2].slug = s[1].slug;
    });
    expect(() => readCatalogue(dir)).toThrow(/unknown organisation nobody[\s\S]*duplicate slug/);
  });
});
