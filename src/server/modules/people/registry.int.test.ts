import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface Candidate {
  id: string;
  inScope: boolean;
  decision: string;
  agreed: string[];
  structures: { slug: string }[];
  familyName: string;
}

const giorgos = {
  givenName: 'Γιώργος',
  familyName: 'Παπαδόπουλος',
  fatherName: 'Νικόλαος',
  sex: 'M',
  birthDate: '1985-08-15',
  identifiers: [{ type: 'amka', value: '15088501232' }],
};
let giorgosId = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  giorgosId = await registerPerson(server, 'frontdesk', giorgos);
});
afterAll(async () => {
  await server.close();
});

describe('search before create', () => {
  it('the dormitory worker types a Latin spelling and sees the KEM person as a candidate, with the reasons', async () => {
    const res = await as('dormitory.staff', 'POST', '/api/v1/persons/match', {
      givenName: 'Giorgos',
      familyName: 'Papadopoulos',
      birthDate: '1985-08-15',
    });
    expect(res.status).toBe(200);
    const { candidates } = await json<{ candidates: Candidate[] }>(res);
    expect(candidates[0]).toMatchObject({ id: giorgosId, inScope: false, structures: [{ slug: 'kem' }] });
    expect(candidates[0]?.agreed).toEqual(expect.arrayContaining(['birthDate', 'familyName', 'givenName']));
    expect(candidates[0]?.decision).not.toBe('none');
    // Shown candidates are reads of personal data.
    const [row] = await server.database.query<{ action: string; person_id: string }>(
      `select action, person_id from audit_event where actor_label = 'dormitory.staff' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'person.matched', person_id: giorgosId });
  });

  it('registering a likely duplicate asks for confirmation; "the same person" links the registration', async () => {
    const draft = { givenName: 'Yiorgos', familyName: 'Papadopoulos', birthDate: '1985-08-15', phone: '6970000001' };
    const asked = await as('dormitory.staff', 'POST', '/api/v1/persons', draft);
    expect(asked.status).toBe(409);
    const problem = await json<{ type: string; candidates: Candidate[] }>(asked);
    expect(problem.type).toBe('urn:merimna:problem:possible_duplicate');
    expect(problem.candidates.map((c) => c.id)).toContain(giorgosId);
    const before = await server.database.query<{ n: string }>('select count(*) as n from persons');

    const linked = await as('dormitory.staff', 'POST', '/api/v1/persons', { ...draft, linkTo: giorgosId });
    expect(linked.status).toBe(201);
    const person = await json<{ id: string; records: number; registrations: { structure: { slug: string } }[]; phone?: string }>(
      linked,
    );
    expect(person.id).toBe(giorgosId);
    expect(person.records).toBe(2);
    expect(person.registrations.map((r) => r.structure.slug).sort()).toEqual(['homeless-dormitory', 'kem']);
    // The phone only the dormitory had fills the empty field of the record.
    expect(person.phone).toBe('6970000001');
    const after = await server.database.query<{ n: string }>('select count(*) as n from persons');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 1);
    // The dormitory worker now sees the person; the list shows one person, not two.
    expect((await as('dormitory.staff', 'GET', `/api/v1/persons/${giorgosId}`)).status).toBe(200);
    const list = await json<{ items: { id: string }[] }>(await as('frontdesk', 'GET', '/api/v1/persons?q=papadopoulos'));
    expect(list.items.map((p) => p.id)).toEqual([giorgosId]);
  });

  it('a confirmed new person with a likely match goes to the review queue', async () => {
    const res = await as('frontdesk', 'POST', '/api/v1/persons', {
      givenName: 'Γιώργος',
      familyName: 'Παπαδόπουλος',
      birthDate: '1985-08-15',
      confirmNew: true,
    });
    expect(res.status).toBe(201);
    const reviews = await json<{ items: { a: Candidate; b: Candidate }[] }>(
      await as('socialworker', 'GET', '/api/v1/match-reviews'),
    );
    const ids = reviews.items.flatMap((r) => [r.a.id, r.b.id]);
    expect(ids).toContain(giorgosId);
  });

  it('never offers across the women’s shelter compartment, in either direction', async () => {
    const resident = await registerPerson(server, 'shelter.staff', {
      givenName: 'Μαρία',
      familyName: 'Κρυφή',
      birthDate: '1991-02-03',
    });
    const probe = { givenName: 'Μαρία', familyName: 'Κρυφή', birthDate: '1991-02-03' };
    const outside = await json<{ candidates: Candidate[] }>(await as('frontdesk', 'POST', '/api/v1/persons/match', probe));
    expect(outside.candidates.map((c) => c.id)).not.toContain(resident);
    await registerPerson(server, 'frontdesk', { ...probe, confirmNew: true });
    const inside = await json<{ candidates: Candidate[] }>(await as('shelter.staff', 'POST', '/api/v1/persons/match', probe));
    expect(inside.candidates.map((c) => c.id)).toEqual([resident]);
  });
});

describe('merge and unmerge', () => {
  it('unmerge restores both persons exactly, with everything that was attached to each', async () => {
    const a = await registerPerson(server, 'socialworker', {
      givenName: 'Fatima',
      familyName: 'Haidari',
      birthDate: '1990-01-01',
      birthDateApproximate: true,
      phone: '6911111111',
      healthNotes: 'asthma',
      identifiers: [{ type: 'paaypa', value: '70000000001' }],
    });
    const b = await registerPerson(server, 'socialworker', {
      givenName: 'Φατιμά',
      familyName: 'Χαϊντάρι',
      birthDate: '1990-01-01',
      address: 'Λαγκαδά 12',
      identifiers: [{ type: 'passport', value: 'N1234567' }],
      confirmNew: true,
    });
    const snapshot = async (id: string) => {
      const res = await as('socialworker', 'GET', `/api/v1/persons/${id}`);
      const record = await json(res);
      // The version and the time of the last change move on; everything else must come back.
      delete record.version;
      delete record.updatedAt;
      return record;
    };
    const [beforeA, beforeB] = [await snapshot(a), await snapshot(b)];

    const preview = await json<{ fields: { field: string; chosen: string; rule: string }[] }>(
      await as('socialworker', 'POST', `/api/v1/persons/${a}/merge-preview`, { other: b }),
    );
    expect(preview.fields.find((f) => f.field === 'givenName')).toMatchObject({ chosen: 'other', rule: 'greek_script_name' });
    expect(preview.fields.find((f) => f.field === 'address')).toMatchObject({ chosen: 'other', rule: 'only_other_has_value' });

    const merged = await as('socialworker', 'POST', `/api/v1/persons/${a}/merge`, { other: b, reason: 'same passport photo' });
    expect(merged.status).toBe(200);
    const m = await json<{ givenName: string; address: string; records: number; identifiers: { type: string }[] }>(merged);
    expect(m).toMatchObject({ givenName: 'Φατιμά', address: 'Λαγκαδά 12', records: 2 });
    expect(m.identifiers.map((i) => i.type).sort()).toEqual(['paaypa', 'passport']);
    // The merged-away id answers with the surviving person.
    expect((await json<{ id: string }>(await as('socialworker', 'GET', `/api/v1/persons/${b}`))).id).toBe(a);

    const log = await json<{ items: { id: string; action: string }[] }>(
      await as('socialworker', 'GET', `/api/v1/persons/${a}/links`),
    );
    const link = log.items.find((l) => l.action === 'link');
    expect(link).toBeDefined();
    const undone = await as('socialworker', 'POST', `/api/v1/persons/${a}/unmerge`, {
      link: link?.id,
      reason: 'different mothers',
    });
    expect(undone.status).toBe(200);
    expect(await snapshot(a)).toEqual(beforeA);
    expect(await snapshot(b)).toEqual(beforeB);
    const again = await as('socialworker', 'POST', `/api/v1/persons/${a}/unmerge`, { link: link?.id, reason: 'twice' });
    expect(again.status).toBe(409);
  });

  it('a pair marked "never link" cannot be merged, and a merge needs person.merge', async () => {
    const x = await registerPerson(server, 'socialworker', { givenName: 'Ahmad', familyName: 'Karimi', birthDate: '1970-05-05' });
    const y = await registerPerson(server, 'socialworker', {
      givenName: 'Ahmed',
      familyName: 'Karimi',
      birthDate: '1970-05-05',
      confirmNew: true,
    });
    const queue = await json<{ items: { id: string; a: Candidate; b: Candidate }[] }>(
      await as('socialworker', 'GET', '/api/v1/match-reviews'),
    );
    const review = queue.items.find((r) => [r.a.id, r.b.id].sort().join() === [x, y].sort().join());
    expect(review).toBeDefined();
    const decided = await as('socialworker', 'POST', `/api/v1/match-reviews/${review?.id ?? ''}/decision`, {
      decision: 'cannot_link',
      reason: 'brothers',
    });
    expect(decided.status).toBe(200);
    expect(await json<{ status: string }>(decided)).toMatchObject({ status: 'cannot_link' });
    expect((await as('socialworker', 'POST', `/api/v1/persons/${x}/merge`, { other: y, reason: 'try' })).status).toBe(409);
    expect((await as('frontdesk', 'POST', `/api/v1/persons/${x}/merge`, { other: y, reason: 'try' })).status).toBe(403);
    const matched = await json<{ candidates: Candidate[] }>(
      await as('socialworker', 'POST', '/api/v1/persons/match', {
        givenName: 'Ahmad',
        familyName: 'Karimi',
        birthDate: '1970-05-05',
      }),
    );
    expect(matched.candidates.map((c) => c.id).sort()).toEqual([x, y].sort());
  });

  it('the batch job links near-certain pairs and queues the rest', async () => {
    const res = await as('socialworker', 'POST', '/api/v1/match-reviews/scan', {});
    expect(res.status).toBe(200);
    const result = await json<{ compared: number; autoLinked: number; queued: number }>(res);
    const rows = await server.database.query<{ n: string }>('select count(*) as n from persons where compartment_id is null');
    // Every row of the open registry, and the shelter's one resident, matched inside her compartment.
    expect(result.compared).toBe(Number(rows[0]?.n) + 1);
    // A second run finds the same pairs: already queued or linked, nothing new.
    const second = await json<{ queued: number; autoLinked: number }>(
      await as('socialworker', 'POST', '/api/v1/match-reviews/scan', {}),
    );
    expect(second).toMatchObject({ queued: 0, autoLinked: 0 });
  });
});
