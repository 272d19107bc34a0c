import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface Member {
  person: { id: string; givenName: string; familyName: string; birthDate: string | null };
  relationship: string;
  from: string;
  to: string | null;
}
interface Household {
  id: string;
  members: Member[];
  createdAt: string;
}
interface Problem {
  type: string;
  detail: string;
  errors?: { field: string; code: string }[];
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
const tomorrow = () => new Date(Date.parse(`${today()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const brief = (h: Household) => h.members.map((m) => [m.person.id, m.relationship, m.from, m.to]);
const person = (username: string, fields: Record<string, unknown>) =>
  registerPerson(server, username, { ...fields, confirmNew: true });
/** A staff user with the given memberships, created by an administrator. */
async function staffUser(username: string, memberships: { role: string; structure: string | null }[]) {
  const res = await server.get('/api/v1/users', {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.tokenFor('admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      displayName: username,
      organisation: 'thessaloniki',
      password: 'a long password for tests',
      memberships,
    }),
  });
  expect(res.status).toBe(201);
}

let mother = '';
let son = '';
let daughter = '';
let father = '';
let household = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  mother = await person('frontdesk', { givenName: 'Μαρία', familyName: 'Οικονόμου', birthDate: '1984-05-02', sex: 'F' });
  son = await person('frontdesk', { givenName: 'Νίκος', familyName: 'Οικονόμου', birthDate: '2010-09-14', sex: 'M' });
  daughter = await person('frontdesk', { givenName: 'Δήμητρα', familyName: 'Οικονόμου', birthDate: '2008-02-20', sex: 'F' });
  father = await person('frontdesk', { givenName: 'Παύλος', familyName: 'Οικονόμου', birthDate: '1980-01-11', sex: 'M' });
});
afterAll(async () => {
  await server.close();
});

describe('a household over time', () => {
  it('the front desk forms a household of a mother (head) and her son, records that her daughter lived with them from September until March, and the household shows both periods', async () => {
    const created = await as('frontdesk', 'POST', '/api/v1/households', {
      members: [
        { person: son, relationship: 'child' },
        { person: mother, relationship: 'head' },
      ],
    });
    expect(created.status).toBe(201);
    const formed = await json<Household>(created);
    household = formed.id;
    expect(brief(formed)).toEqual([
      [mother, 'head', today(), null],
      [son, 'child', today(), null],
    ]);
    expect(formed.members[0]?.person).toEqual({
      id: mother,
      givenName: 'Μαρία',
      familyName: 'Οικονόμου',
      birthDate: '1984-05-02',
    });

    const joined = await as('frontdesk', 'POST', `/api/v1/households/${household}/members`, {
      person: daughter,
      relationship: 'child',
      from: '2025-09-01',
    });
    expect(joined.status).toBe(200);
    // The elder child first among the current children.
    expect(brief(await json<Household>(joined)).map((m) => m[0])).toEqual([mother, daughter, son]);
    const left = await as('frontdesk', 'POST', `/api/v1/households/${household}/members/${daughter}/leave`, {
      to: '2026-03-15',
    });
    expect(left.status).toBe(200);
    const after = await json<Household>(left);
    expect(brief(after)).toEqual([
      [mother, 'head', today(), null],
      [son, 'child', today(), null],
      [daughter, 'child', '2025-09-01', '2026-03-15'],
    ]);

    const read = await as('frontdesk', 'GET', `/api/v1/persons/${daughter}/households`);
    expect(read.status).toBe(200);
    expect(await json<{ items: Household[] }>(read)).toEqual({ items: [after] });

    const rows = await server.database.query<{ action: string; person_id: string; changes: string[] }>(
      `select action, person_id, changes from audit_event where entity_type = 'household' and entity_id = $1
        and action <> 'household.read' order by id`,
      [household],
    );
    expect(rows).toEqual([
      { action: 'household.created', person_id: mother, changes: ['members'] },
      { action: 'household.member_added', person_id: daughter, changes: ['person', 'relationship', 'from'] },
      { action: 'household.member_left', person_id: daughter, changes: ['to'] },
    ]);
  });

  it('a second head is refused with 409 and nothing changes', async () => {
    const before = await json<{ items: Household[] }>(await as('frontdesk', 'GET', `/api/v1/persons/${mother}/households`));
    const members = await count('select count(*) as n from household_members');
    const res = await as('frontdesk', 'POST', `/api/v1/households/${household}/members`, {
      person: father,
      relationship: 'head',
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<Problem>(res)).type).toBe('urn:merimna:problem:household_head_exists');
    expect(await count('select count(*) as n from household_members')).toBe(members);
    expect(await json(await as('frontdesk', 'GET', `/api/v1/persons/${mother}/households`))).toEqual(before);
    expect(
      await count(`select count(*) as n from audit_event where action = 'household.member_added' and person_id = $1`, [father]),
    ).toBe(0);
  });

  it('a current member cannot join again, and only a current member can leave', async () => {
    const again = await as('frontdesk', 'POST', `/api/v1/households/${household}/members`, {
      person: son,
      relationship: 'other',
    });
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).type).toBe('urn:merimna:problem:already_member');
    for (const who of [daughter, father]) {
      const res = await as('frontdesk', 'POST', `/api/v1/households/${household}/members/${who}/leave`, {});
      expect(res.status).toBe(409);
      expect((await json<Problem>(res)).type).toBe('urn:merimna:problem:not_member_of_household');
    }
  });

  it('the head changes: the mother leaves, the father joins as head on the same day', async () => {
    const formed = await json<Household>(
      await as('frontdesk', 'POST', '/api/v1/households', { members: [{ person: mother, relationship: 'head' }] }),
    );
    expect((await as('frontdesk', 'POST', `/api/v1/households/${formed.id}/members/${mother}/leave`, {})).status).toBe(200);
    const res = await as('frontdesk', 'POST', `/api/v1/households/${formed.id}/members`, {
      person: father,
      relationship: 'head',
    });
    expect(res.status).toBe(200);
    expect(brief(await json<Household>(res))).toEqual([
      [father, 'head', today(), null],
      [mother, 'head', today(), today()],
    ]);
  });
});

describe('two workers at the same moment', () => {
  it('both add a head to a household without one: one is recorded, the other gets 409', async () => {
    const formed = await json<Household>(
      await as('frontdesk', 'POST', '/api/v1/households', { members: [{ person: son, relationship: 'head' }] }),
    );
    expect((await as('frontdesk', 'POST', `/api/v1/households/${formed.id}/members/${son}/leave`, {})).status).toBe(200);
    const [a, b] = await Promise.all([
      as('frontdesk', 'POST', `/api/v1/households/${formed.id}/members`, { person: mother, relationship: 'head' }),
      as('socialworker', 'POST', `/api/v1/households/${formed.id}/members`, { person: father, relationship: 'head' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await json<Problem>(loser)).type).toBe('urn:merimna:problem:household_head_exists');
    const heads = await count(
      `select count(*) as n from household_members where household_id = $1 and relationship = 'head' and to_date is null`,
      [formed.id],
    );
    expect(heads).toBe(1);
  });
});

describe('reading households', () => {
  it('lists current households first, and writes one audit row per household returned', async () => {
    const own = await json<Household>(
      await as('socialworker', 'POST', '/api/v1/households', {
        members: [
          { person: father, relationship: 'head' },
          { person: daughter, relationship: 'child' },
        ],
      }),
    );
    const reads = () =>
      count(`select count(*) as n from audit_event where action = 'household.read' and person_id = $1`, [daughter]);
    const before = await reads();
    const res = await as('socialworker', 'GET', `/api/v1/persons/${daughter}/households`);
    const body = await json<{ items: Household[] }>(res);
    expect(body.items.map((h) => h.id)).toEqual([own.id, household]);
    expect(await reads()).toBe(before + 2);
    const ids = await server.database.query<{ entity_id: string }>(
      `select entity_id from audit_event where action = 'household.read' and person_id = $1 order by id desc limit 2`,
      [daughter],
    );
    expect(ids.map((r) => r.entity_id).sort()).toEqual([own.id, household].sort());
  });

  it('a person in no household has an empty list', async () => {
    const alone = await person('frontdesk', { givenName: 'Ευάγγελος', familyName: 'Μονάχος', birthDate: '1950-06-30' });
    expect(await json(await as('frontdesk', 'GET', `/api/v1/persons/${alone}/households`))).toEqual({ items: [] });
  });
});

describe('scope', () => {
  it('the laundry worker asks for the household of a KEM family → 404, and the refusal is on record', async () => {
    const res = await as('laundry.staff', 'GET', `/api/v1/persons/${mother}/households`);
    expect(res.status).toBe(404);
    const problem = await json<Problem>(res);
    expect(problem.type).toBe('urn:merimna:problem:person_not_found');
    expect(JSON.stringify(problem)).not.toContain('Οικονόμου');
    const [row] = await server.database.query<{ action: string; outcome: string; person_id: string }>(
      `select action, outcome, person_id from audit_event where actor_label = 'laundry.staff' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', outcome: 'denied', person_id: mother });
  });

  it('the laundry manager cannot add anyone to a KEM household, nor end a membership in it', async () => {
    const guest = await person('laundry.manager', { givenName: 'Λάμπρος', familyName: 'Πλυντηράς' });
    const members = await count('select count(*) as n from household_members');
    const join = await as('laundry.manager', 'POST', `/api/v1/households/${household}/members`, {
      person: guest,
      relationship: 'other',
    });
    expect(join.status).toBe(404);
    expect((await json<Problem>(join)).type).toBe('urn:merimna:problem:household_not_found');
    const leave = await as('laundry.manager', 'POST', `/api/v1/households/${household}/members/${son}/leave`, {});
    expect(leave.status).toBe(404);
    // The front desk cannot put the laundry's guest into its household either.
    const kem = await as('frontdesk', 'POST', `/api/v1/households/${household}/members`, {
      person: guest,
      relationship: 'other',
    });
    expect(kem.status).toBe(404);
    expect((await json<Problem>(kem)).type).toBe('urn:merimna:problem:person_not_found');
    expect(await count('select count(*) as n from household_members')).toBe(members);
  });

  it('a household across structures is one unit: the laundry worker sees the KEM member by name and birth date only, also after their own guest left', async () => {
    await staffUser('frontdesk.everywhere', [{ role: 'frontdesk', structure: null }]);
    const guest = await person('laundry.staff', { givenName: 'Θεόδωρος', familyName: 'Σαπουνάς', birthDate: '1971-11-03' });
    const partner = await person('frontdesk', { givenName: 'Αικατερίνη', familyName: 'Λευκή', birthDate: '1975-07-21' });
    const formed = await as('frontdesk.everywhere', 'POST', '/api/v1/households', {
      members: [
        { person: guest, relationship: 'head' },
        { person: partner, relationship: 'spouse' },
      ],
    });
    expect(formed.status).toBe(201);
    const id = (await json<Household>(formed)).id;
    expect((await as('frontdesk', 'POST', `/api/v1/households/${id}/members/${guest}/leave`, {})).status).toBe(200);

    const res = await as('laundry.staff', 'GET', `/api/v1/persons/${guest}/households`);
    expect(res.status).toBe(200);
    const [seen] = (await json<{ items: Household[] }>(res)).items;
    expect(seen?.members.map((m) => Object.keys(m.person).sort())).toEqual([
      ['birthDate', 'familyName', 'givenName', 'id'],
      ['birthDate', 'familyName', 'givenName', 'id'],
    ]);
    expect(seen?.members[0]).toEqual({
      person: { id: partner, givenName: 'Αικατερίνη', familyName: 'Λευκή', birthDate: '1975-07-21' },
      relationship: 'spouse',
      from: today(),
      to: null,
    });
    // The partner herself stays out of the laundry's reach.
    expect((await as('laundry.staff', 'GET', `/api/v1/persons/${partner}`)).status).toBe(404);
  });
});

describe('the women’s shelter compartment', () => {
  it('a shelter household is invisible outside the compartment, and a household cannot mix compartments', async () => {
    const resident = await person('shelter.staff', { givenName: 'Ελένη', familyName: 'Ξενωνίδου', birthDate: '1990-04-12' });
    const child = await person('shelter.staff', { givenName: 'Άρτεμις', familyName: 'Ξενωνίδου', birthDate: '2019-10-01' });
    const formed = await as('shelter.manager', 'POST', '/api/v1/households', {
      members: [
        { person: resident, relationship: 'head' },
        { person: child, relationship: 'child' },
      ],
    });
    expect(formed.status).toBe(201);
    expect((await as('shelter.staff', 'GET', `/api/v1/persons/${child}/households`)).status).toBe(200);
    expect((await as('socialworker', 'GET', `/api/v1/persons/${resident}/households`)).status).toBe(404);
    const id = (await json<Household>(formed)).id;
    expect(
      (await as('socialworker', 'POST', `/api/v1/households/${id}/members`, { person: son, relationship: 'other' })).status,
    ).toBe(404);
    // Row-level security: outside the compartment's transactions the rows are not there.
    expect(await count('select count(*) as n from households where compartment_id is not null')).toBe(0);
    expect(await count('select count(*) as n from household_members where compartment_id is not null')).toBe(0);

    const [shelter] = await server.database.query<{ id: string }>(`select id from structures where slug = 'womens-shelter'`);
    const insideShelter = () =>
      server.database.transaction(async (tx) => {
        await tx.query(`select set_config('merimna.compartments', $1, true)`, [shelter?.id ?? '']);
        return Number((await tx.query<{ n: string }>('select count(*) as n from households'))[0]?.n);
      });
    const households = await insideShelter();
    await staffUser('shelter.and.kem', [
      { role: 'structure_manager', structure: 'womens-shelter' },
      { role: 'frontdesk', structure: 'kem' },
    ]);
    const mixed = await as('shelter.and.kem', 'POST', '/api/v1/households', {
      members: [
        { person: resident, relationship: 'head' },
        { person: son, relationship: 'child' },
      ],
    });
    expect(mixed.status).toBe(404);
    expect((await json<Problem>(mixed)).type).toBe('urn:merimna:problem:person_not_found');
    expect(await insideShelter()).toBe(households);
  });
});

describe('bad input', () => {
  it('gets a clear problem and writes nothing', async () => {
    const rows = async () => [
      await count('select count(*) as n from households'),
      await count('select count(*) as n from household_members'),
    ];
    const before = await rows();
    const stranger = '00000000-0000-4000-8000-000000000000';
    const form = (...members: [string, string][]) => ({ members: members.map(([p, r]) => ({ person: p, relationship: r })) });
    const join = `/api/v1/households/${household}/members`;
    const leave = `${join}/${son}/leave`;
    // [path, body, "status problem-type field"]
    const cases: [string, unknown, string][] = [
      ['/api/v1/households', { members: [] }, '400 validation body.members'],
      ['/api/v1/households', form(['nobody', 'head']), '400 validation body.members.0.person'],
      ['/api/v1/households', form([son, 'aunt']), '400 validation body.members.0.relationship'],
      ['/api/v1/households', form([son, 'child']), '422 household_needs_head body.members'],
      ['/api/v1/households', form([mother, 'head'], [father, 'head']), '422 household_needs_head body.members'],
      ['/api/v1/households', form([mother, 'head'], [mother, 'child']), '422 validation body.members.1.person'],
      ['/api/v1/households', form([stranger, 'head']), '404 person_not_found'],
      [`/api/v1/households/${stranger}/members`, { person: son, relationship: 'child' }, '404 household_not_found'],
      [join, { person: stranger, relationship: 'child' }, '404 person_not_found'],
      [join, { person: father, relationship: 'other', from: '2026-02-30' }, '400 validation body.from'],
      [join, { person: father, relationship: 'other', from: tomorrow() }, '422 validation body.from'],
      [join, { person: father, relationship: 'other', from: '1.3.2026' }, '400 validation body.from'],
      // The daughter lived there until 15 March: a new period cannot start before that.
      [join, { person: daughter, relationship: 'child', from: '2026-01-01' }, '422 validation body.from'],
      [leave, { to: '2020-01-01' }, '422 validation body.to'],
      [leave, { to: tomorrow() }, '422 validation body.to'],
      [leave, { to: '2026-03-15', why: 'moved' }, '400 validation body'],
    ];
    for (const [path, body, expected] of cases) {
      const [status, type, field] = expected.split(' ');
      const res = await as('frontdesk', 'POST', path, body, { 'accept-language': 'en' });
      const label = `${path} ${JSON.stringify(body)}`;
      expect(res.status, label).toBe(Number(status));
      expect(res.headers.get('content-type'), label).toContain('application/problem+json');
      const problem = await json<Problem>(res);
      expect(problem.type, label).toBe(`urn:merimna:problem:${type}`);
      if (field)
        expect(
          problem.errors?.map((e) => e.field),
          label,
        ).toContain(field);
      else expect(problem.errors, label).toBeUndefined();
    }
    expect(await rows()).toEqual(before);
  });

  it('a worker without person.update cannot form a household', async () => {
    const res = await as('laundry.staff', 'POST', '/api/v1/households', { members: [{ person: mother, relationship: 'head' }] });
    expect(res.status).toBe(403);
  });
});

describe('a household that began before it was recorded', () => {
  it('is formed from the day it began, never from a day to come', async () => {
    const grandmother = await person('frontdesk', {
      givenName: 'Ευανθία',
      familyName: 'Παλαιού',
      birthDate: '1941-03-03',
      sex: 'F',
    });
    const grandson = await person('frontdesk', { givenName: 'Άρης', familyName: 'Παλαιός', birthDate: '2012-06-06', sex: 'M' });
    const members = [
      { person: grandmother, relationship: 'head' },
      { person: grandson, relationship: 'other' },
    ];
    const future = await server.as('frontdesk', 'POST', '/api/v1/households', { members, from: tomorrow() });
    expect(future.status).toBe(422);
    const res = await server.as('frontdesk', 'POST', '/api/v1/households', { members, from: '2019-09-01' });
    expect(res.status).toBe(201);
    expect(brief(await json<Household>(res))).toEqual([
      [grandmother, 'head', '2019-09-01', null],
      [grandson, 'other', '2019-09-01', null],
    ]);
  });
});
