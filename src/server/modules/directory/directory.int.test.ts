import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStructure, TStructureSummary, TService, TOrganisation } from '../../../shared/directory.js';
import { json, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import { readCatalogue } from './catalogue.js';

type Page<T> = { items: T[]; total: number; limit: number; offset: number };

let server: TestServer;
const catalogue = readCatalogue();

beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => {
  await server.close();
});

const structures = async (query = '') => json<Page<TStructureSummary>>(await server.get(`/api/v1/structures${query}`));

describe('the public directory', () => {
  it('lists every structure of the catalogue', async () => {
    const page = await structures('?limit=200');
    expect(page.total).toBe(catalogue.structures.length);
    expect(new Set(page.items.map((s) => s.slug))).toEqual(new Set(catalogue.structures.map((s) => s.slug)));
    // Every row of the DOMAIN.md table is represented.
    expect(new Set(catalogue.structures.map((s) => s.domainRow)).size).toBe(27);
  });

  it('pages through the list with a stable total', async () => {
    const first = await structures('?limit=5&offset=0');
    const second = await structures('?limit=5&offset=5');
    expect(first.items).toHaveLength(5);
    expect(second.total).toBe(first.total);
    expect(second.items.map((s) => s.id)).not.toContain(first.items[0]?.id);
  });

  it.each(['Υπνωτηριο', 'υπνωτήριο', 'ypnotirio', 'ΥΠΝΩΤΉΡΙΟ'])('finds the dormitory when searching for «%s»', async (q) => {
    const page = await structures(`?q=${encodeURIComponent(q)}`);
    expect(page.items.map((s) => s.slug)).toContain('homeless-dormitory');
    expect(page.items[0]?.slug).toBe('homeless-dormitory');
  });

  it('finds the social laundry by «πλυντήριο» and by greeklish', async () => {
    for (const q of ['πλυντήριο', 'plyntirio', 'koinoniko plintirio']) {
      const page = await structures(`?q=${encodeURIComponent(q)}`);
      expect(
        page.items.map((s) => s.slug),
        q,
      ).toContain('social-laundry');
    }
  });

  it('answers an empty page, not an error, when nothing matches', async () => {
    const page = await structures('?q=zzzzqqqq');
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  it('filters by community, need and language', async () => {
    const inSecond = await structures('?community=2&limit=200');
    expect(inSecond.items.length).toBeGreaterThan(0);
    expect(inSecond.items.every((s) => s.community === 2)).toBe(true);
    const food = await structures('?need=food&limit=200');
    expect(food.items.length).toBeGreaterThan(0);
    expect(food.items.every((s) => s.needs.includes('food'))).toBe(true);
    const arabic = await structures('?language=ar&limit=200');
    expect(arabic.items.every((s) => s.languages.includes('ar'))).toBe(true);
  });

  it('shows a structure with its services and figures', async () => {
    const res = await server.get('/api/v1/structures/social-laundry');
    expect(res.status).toBe(200);
    const laundry = await json<TStructure>(res);
    const figure = (key: string) => laundry.capacity.find((c) => c.key === key)?.value;
    expect(figure('washing_machines')).toBe(3);
    expect(figure('dryers')).toBe(3);
    expect(laundry.services.length).toBeGreaterThan(0);
    const byId = await json<TStructure>(await server.get(`/api/v1/structures/${laundry.id}`));
    expect(byId.slug).toBe('social-laundry');
  });

  it('carries the figures the documents give', async () => {
    const all = await structures('?limit=200');
    const details = await Promise.all(
      all.items.map(async (s) => json<TStructure>(await server.get(`/api/v1/structures/${s.id}`))),
    );
    const figures = details.flatMap((d) => d.capacity.map((c) => `${c.key}=${c.value}`));
    expect(figures).toEqual(
      expect.arrayContaining(['apartment_places=650', 'shelter_places=30', 'homes=30', 'vehicles=3', 'shifts=2']),
    );
    const programmes = details
      .map((d) => d.fundingProgramme?.code)
      .filter(Boolean)
      .join(' ');
    expect(programmes).toContain('5002722');
    expect(programmes).toContain('5001616');
  });

  it('never gives the address or location of the women’s shelter', async () => {
    const staff = catalogue.structures.find((s) => s.slug === 'womens-shelter');
    expect(staff?.confidential).toBe(true);
    const street = staff?.address?.street;
    expect(street, 'the catalogue keeps the address for staff').toBeTruthy();
    const shelter = await json<TStructure>(await server.get('/api/v1/structures/womens-shelter'));
    expect(shelter.address).toBeNull();
    expect(shelter.location).toBeNull();
    const bodies = await Promise.all(
      [
        '/api/v1/structures?limit=200',
        '/api/v1/structures/womens-shelter',
        `/api/v1/structures?q=${encodeURIComponent(street ?? '')}`,
        '/api/v1/services?limit=200',
        '/api/v1/services?need=gender_violence&limit=200',
        '/api/v1/organisations?limit=200',
      ].map(async (p) => (await server.get(p)).text()),
    );
    for (const body of bodies) {
      expect(body).not.toContain(street);
      expect(body).not.toContain(String(staff?.location?.lat));
    }
  });

  it('lists services with their structure, searchable by need', async () => {
    const page = await json<Page<TService>>(await server.get('/api/v1/services?need=medicines&limit=200'));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((s) => s.needs.includes('medicines'))).toBe(true);
    expect(page.items.map((s) => s.structureSlug)).toContain('social-pharmacy');
  });

  it('lists the organisations, partners and public agencies', async () => {
    const page = await json<Page<TOrganisation>>(await server.get('/api/v1/organisations?limit=200'));
    const slugs = page.items.map((o) => o.slug);
    expect(slugs).toEqual(expect.arrayContaining(catalogue.organisations.map((o) => o.slug)));
    expect(page.items.find((o) => o.slug === 'thessaloniki')?.kind).toBe('municipality');
  });

  it('refuses directory writes to anyone not signed in', async () => {
    const res = await server.get('/api/v1/structures', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([400, 401]).toContain(res.status);
    const ok = await server.get('/api/v1/organisations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'x-ngo', kind: 'ngo', name: { el: 'Χ', en: 'X' } }),
    });
    expect(ok.status).toBe(401);
    expect(ok.headers.get('content-type')).toContain('application/problem+json');
  });
});
