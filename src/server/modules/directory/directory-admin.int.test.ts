import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStructure, TStructureSummary } from '../../../shared/directory.js';
import { json, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
let adminToken: string;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  adminToken = await server.tokenFor('admin');
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: unknown, method = 'POST', token: string | null = adminToken) =>
  server.get(path, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

const newStructure = {
  slug: 'kalamaria-soup-kitchen',
  domainRow: 23,
  type: 'soup_kitchen',
  organisation: 'thessaloniki',
  name: { el: 'Συσσίτιο Αγάπης Καλαμαριάς', en: 'Kalamaria Soup Kitchen' },
  summary: { el: 'Ζεστό γεύμα κάθε μεσημέρι.', en: 'A hot meal every noon.' },
  description: { el: 'Ζεστό γεύμα για όσους το χρειάζονται.', en: 'A hot meal for those who need it.' },
  audience: { el: 'Όποιος έχει ανάγκη', en: 'Anyone in need' },
  community: 5,
  address: { street: 'Οδός Δοκιμής 1', city: 'Θεσσαλονίκη' },
  location: { lat: 40.6, lon: 22.95 },
  languages: ['el'],
  mechanics: ['service_log'],
  services: [
    {
      slug: 'kalamaria-soup-kitchen-meal',
      name: { el: 'Μεσημεριανό γεύμα', en: 'Lunch' },
      description: { el: 'Ζεστό φαγητό', en: 'Hot food' },
      needs: ['food'],
    },
  ],
};

describe('directory administration (permission directory.write)', () => {
  it('refuses a write without sign-in, and one by a role without the permission', async () => {
    expect((await post('/api/v1/structures', newStructure, 'POST', null)).status).toBe(401);
    const laundryStaff = await server.tokenFor('laundry.staff');
    const denied = await post('/api/v1/structures', newStructure, 'POST', laundryStaff);
    expect(denied.status).toBe(403);
    expect((await server.get('/api/v1/structures/kalamaria-soup-kitchen')).status).toBe(404);
    const rows = await server.database.query<{ action: string; outcome: string }>(
      `select action, outcome from audit_event where actor_label = 'laundry.staff' order by id desc limit 1`,
    );
    expect(rows[0]).toEqual({ action: 'access.denied', outcome: 'denied' });
  });

  it('creates a structure that the public search then finds', async () => {
    const res = await post('/api/v1/structures', newStructure);
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    const found = await json<{ items: TStructureSummary[] }>(await server.get('/api/v1/structures?q=syssitio%20kalamarias'));
    expect(found.items.map((s) => s.id)).toContain(id);
  });

  it('refuses a second structure with the same slug, and keeps the first', async () => {
    const res = await post('/api/v1/structures', { ...newStructure, name: { el: 'Άλλο', en: 'Other' } });
    expect(res.status).toBe(409);
    const kept = await json<TStructure>(await server.get('/api/v1/structures/kalamaria-soup-kitchen'));
    expect(kept.name.en).toBe('Kalamaria Soup Kitchen');
  });

  it('answers 422 for an unknown organisation, and writes nothing', async () => {
    const res = await post('/api/v1/structures', {
      ...newStructure,
      slug: 'orphan',
      organisation: 'no-such-org',
      services: [{ ...newStructure.services[0], slug: 'orphan-meal' }],
    });
    expect(res.status).toBe(422);
    expect((await json<{ detail: string }>(res)).detail).toContain('organisation');
    expect((await server.get('/api/v1/structures/orphan')).status).toBe(404);
  });

  it('replaces a structure and its services', async () => {
    const res = await post(
      '/api/v1/structures/kalamaria-soup-kitchen',
      { ...newStructure, community: 4, services: [{ ...newStructure.services[0], name: { el: 'Δείπνο', en: 'Dinner' } }] },
      'PUT',
    );
    expect(res.status).toBe(200);
    const updated = await json<TStructure>(res);
    expect(updated.community).toBe(4);
    expect(updated.services.map((s) => s.name.en)).toEqual(['Dinner']);
  });

  it('refuses a service slug that belongs to another structure, leaving both intact', async () => {
    const laundry = await json<TStructure>(await server.get('/api/v1/structures/social-laundry'));
    const taken = laundry.services[0]?.slug;
    const res = await post(
      '/api/v1/structures/kalamaria-soup-kitchen',
      { ...newStructure, services: [{ ...newStructure.services[0], slug: taken }] },
      'PUT',
    );
    expect(res.status).toBe(409);
    const after = await json<TStructure>(await server.get('/api/v1/structures/kalamaria-soup-kitchen'));
    expect(after.services.map((s) => s.name.en)).toEqual(['Dinner']);
    expect(after.community).toBe(4);
  });

  it('creates an organisation', async () => {
    const res = await post('/api/v1/organisations', {
      slug: 'test-ngo',
      kind: 'ngo',
      name: { el: 'Δοκιμαστική ΜΚΟ', en: 'Test NGO' },
    });
    expect(res.status).toBe(201);
    expect((await server.get('/api/v1/organisations/test-ngo')).status).toBe(200);
  });
});
