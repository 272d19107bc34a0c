import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);

/** A day relative to today in Thessaloniki, YYYY-MM-DD. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

interface Plan {
  version: number;
  goals: { id: string; domain: string; actions: { id: string; status: string; dueOn: string | null }[] }[];
  reviews: { note: string }[];
  nextReviewOn: string | null;
}
interface Overdue {
  tasks: { action: string; case: string; daysOverdue: number; owner: { kind: string } }[];
  reviews: { case: string }[];
}

async function openCase(username: string, person: string, type = 'general-support'): Promise<string> {
  const res = await as(username, 'POST', '/api/v1/cases', { person, type });
  if (res.status !== 201) throw new Error(`opening a case answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}
const userId = async (username: string) =>
  (await json<{ user: { id: string } }>(await as(username, 'GET', '/api/v1/auth/me'))).user.id;
const putPlan = (username: string, caseId: string, version: string, goals: unknown[]) =>
  as(username, 'PUT', `/api/v1/cases/${caseId}/plan`, { goals }, { 'if-match': version, 'accept-language': 'en' });

let kemPerson = '';
let kemCase = '';
let socialworker = '';
let frontdesk = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  kemPerson = await registerPerson(server, 'socialworker', { givenName: 'Παύλος', familyName: 'Σχεδιάκης' });
  kemCase = await openCase('socialworker', kemPerson);
  socialworker = await userId('socialworker');
  frontdesk = await userId('frontdesk');
});
afterAll(async () => {
  await server.close();
});

describe('the action plan', () => {
  it('starts at version 0; a first plan needs If-Match "v0" and is version 1, on the timeline', async () => {
    const empty = await as('socialworker', 'GET', `/api/v1/cases/${kemCase}/plan`);
    expect(empty.headers.get('etag')).toBe('"v0"');
    expect(await json<Plan>(empty)).toMatchObject({ version: 0, goals: [] });
    const goals = [
      {
        domain: 'housing',
        text: 'Μια σταθερή στέγη',
        actions: [
          { text: 'Αίτηση στον Κοινωνικό Οργανισμό Στέγασης', owner: { kind: 'worker', user: socialworker }, dueOn: day(14) },
          { text: 'Έγγραφα ταυτότητας', owner: { kind: 'person', person: kemPerson } },
        ],
      },
    ];
    expect((await as('socialworker', 'PUT', `/api/v1/cases/${kemCase}/plan`, { goals })).status).toBe(428);
    const res = await putPlan('socialworker', kemCase, '"v0"', goals);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    const plan = await json<Plan>(res);
    expect(plan.goals[0]?.actions).toHaveLength(2);
    const entries = await json<{ items: { kind: string; body: { change: string; version: number } }[] }>(
      await as('socialworker', 'GET', `/api/v1/cases/${kemCase}/timeline?kind=plan_change`),
    );
    expect(entries.items.map((e) => [e.body.change, e.body.version])).toEqual([['created', 1]]);
  });

  it('two workers edit the same plan: the second gets 409 with the current version, and nothing of theirs is written', async () => {
    const read = await json<Plan>(await as('socialworker', 'GET', `/api/v1/cases/${kemCase}/plan`));
    const goal = read.goals[0];
    if (!goal) throw new Error('no goal');
    const first = await putPlan('socialworker', kemCase, `"v${read.version}"`, [
      { id: goal.id, domain: 'housing', text: 'Στέγη μέσα σε τρεις μήνες', actions: [] },
    ]);
    expect(first.status).toBe(200);
    const second = await putPlan('frontdesk', kemCase, `"v${read.version}"`, [
      { domain: 'work', text: 'Εγγραφή στη ΔΥΠΑ', actions: [] },
    ]);
    expect(second.status).toBe(409);
    const problem = await json<{ currentVersion: string; type: string }>(second);
    expect(problem).toMatchObject({ currentVersion: `"v${read.version + 1}"`, type: 'urn:merimna:problem:stale' });
    const now = await json<Plan>(await as('frontdesk', 'GET', `/api/v1/cases/${kemCase}/plan`));
    expect(now.goals.map((g) => [g.id, g.domain])).toEqual([[goal.id, 'housing']]);
  });

  it('refuses ids not of this plan and owners that do not exist, naming the fields', async () => {
    const read = await json<Plan>(await as('socialworker', 'GET', `/api/v1/cases/${kemCase}/plan`));
    const res = await putPlan('socialworker', kemCase, `"v${read.version}"`, [
      {
        id: '00000000-0000-4000-8000-000000000000',
        domain: 'income',
        text: 'Ελάχιστο Εγγυημένο Εισόδημα',
        actions: [{ text: 'Αίτηση', owner: { kind: 'structure', structure: 'no-such-structure' } }],
      },
    ]);
    expect(res.status).toBe(422);
    expect((await json<{ errors: unknown[] }>(res)).errors).toEqual([
      { field: 'body.goals.0.id', code: 'unknown_reference' },
      { field: 'body.goals.0.actions.0.owner.structure', code: 'unknown_reference' },
    ]);
  });

  it('a review sets the next review date and takes the next version; a case without a plan has none to review', async () => {
    const res = await as('socialworker', 'POST', `/api/v1/cases/${kemCase}/plan/reviews`, {
      note: 'Πρόοδος στη στέγαση',
      nextReviewOn: day(30),
    });
    expect(res.status).toBe(201);
    const plan = await json<Plan>(res);
    expect(plan).toMatchObject({ nextReviewOn: day(30), reviews: [{ note: 'Πρόοδος στη στέγαση' }] });
    const other = await openCase(
      'socialworker',
      await registerPerson(server, 'socialworker', { givenName: 'Ρέα', familyName: 'Ανσχέδια' }),
    );
    expect((await as('socialworker', 'POST', `/api/v1/cases/${other}/plan/reviews`, { note: 'x' })).status).toBe(409);
  });
});

describe('the overdue lists', () => {
  let planCase = '';
  let actions: Record<string, string> = {};
  beforeAll(async () => {
    const person = await registerPerson(server, 'socialworker', { givenName: 'Θεόδωρος', familyName: 'Καθυστερίδης' });
    planCase = await openCase('socialworker', person);
    const res = await putPlan('socialworker', planCase, '"v0"', [
      {
        domain: 'documents',
        text: 'Έγγραφα σε ισχύ',
        actions: [
          { text: 'Ραντεβού στο ΚΕΠ', owner: { kind: 'worker', user: socialworker }, dueOn: day(-3) },
          { text: 'Φωτογραφίες', owner: { kind: 'person', person }, dueOn: day(-1) },
          { text: 'Βεβαίωση από το Υπνωτήριο', owner: { kind: 'structure', structure: 'homeless-dormitory' }, dueOn: day(5) },
          { text: 'Μετάφραση', owner: { kind: 'worker', user: frontdesk }, dueOn: day(-2) },
          { text: 'Ήδη έγινε', owner: { kind: 'worker', user: socialworker }, dueOn: day(-10), status: 'done' },
        ],
      },
    ]);
    expect(res.status).toBe(200);
    const plan = await json<Plan>(res);
    const ids = plan.goals[0]?.actions.map((a) => a.id) ?? [];
    actions = { kep: ids[0] ?? '', photos: ids[1] ?? '', dormitory: ids[2] ?? '', translation: ids[3] ?? '' };
  });

  it('a worker’s list: the tasks they own and those of the person on their cases, oldest first, with days overdue', async () => {
    const mine = await json<Overdue>(await as('socialworker', 'GET', '/api/v1/tasks/overdue?assigned=me'));
    const here = mine.tasks.filter((t) => t.case === planCase);
    expect(here.map((t) => [t.action, t.daysOverdue])).toEqual([
      [actions.kep, 3],
      [actions.photos, 1],
    ]);
    const theirs = await json<Overdue>(await as('frontdesk', 'GET', '/api/v1/tasks/overdue'));
    expect(theirs.tasks.map((t) => t.action)).toEqual([actions.translation]);
    const rows = await server.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_event where actor_label = 'frontdesk' and action = 'task.list'`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual([actions.translation]);
  });

  it('a task marked done leaves the list; the plan takes the next version', async () => {
    const before = await json<Plan>(await as('socialworker', 'GET', `/api/v1/cases/${planCase}/plan`));
    const res = await as('socialworker', 'PATCH', `/api/v1/plan-actions/${actions.photos}`, { status: 'done' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'done', planVersion: before.version + 1 });
    const mine = await json<Overdue>(await as('socialworker', 'GET', '/api/v1/tasks/overdue'));
    expect(mine.tasks.map((t) => t.action)).not.toContain(actions.photos);
    // An editor holding the version before the change cannot overwrite it.
    expect((await putPlan('socialworker', planCase, `"v${before.version}"`, [])).status).toBe(409);
  });

  it('a structure’s list is for those who manage it: the director sees KEM’s, a worker or another manager is refused', async () => {
    const kem = await json<Overdue>(await as('director', 'GET', '/api/v1/tasks/overdue?structure=kem'));
    expect(kem.tasks.map((t) => t.action)).toEqual(expect.arrayContaining([actions.kep, actions.translation]));
    expect(kem.tasks.map((t) => t.action)).not.toContain(actions.dormitory);
    expect((await as('socialworker', 'GET', '/api/v1/tasks/overdue?structure=kem')).status).toBe(403);
    expect((await as('dormitory.manager', 'GET', '/api/v1/tasks/overdue?structure=kem')).status).toBe(403);
    expect((await as('dormitory.staff', 'GET', '/api/v1/tasks/overdue?structure=homeless-dormitory')).status).toBe(403);
  });

  it('a dormitory manager sees the dormitory’s overdue tasks and reviews, and only those', async () => {
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Λευτέρης', familyName: 'Νυχτερίδης' });
    const dormCase = await openCase('dormitory.manager', guest, 'homeless-reintegration');
    const res = await putPlan('dormitory.manager', dormCase, '"v0"', [
      {
        domain: 'work',
        text: 'Εργασία',
        actions: [{ text: 'ΔΥΠΑ', owner: { kind: 'worker', user: await userId('dormitory.staff') }, dueOn: day(-4) }],
      },
    ]);
    expect(res.status).toBe(200);
    await server.ownerExec(`update action_plans set next_review_on = current_date - 7 where case_id = '${dormCase}'`);
    const list = await json<Overdue>(await as('dormitory.manager', 'GET', '/api/v1/tasks/overdue?structure=homeless-dormitory'));
    expect(list.tasks.map((t) => t.case)).toEqual([dormCase]);
    expect(list.reviews.map((r) => r.case)).toEqual([dormCase]);
    // Not the manager's own: the task is the staff member's, the case the manager's.
    const own = await json<Overdue>(await as('dormitory.manager', 'GET', '/api/v1/tasks/overdue'));
    expect(own.tasks).toEqual([]);
    expect(own.reviews.map((r) => r.case)).toEqual([dormCase]);
  });
});

describe('the women’s shelter compartment', () => {
  it('a shelter plan and its tasks are invisible outside: by case, in overdue lists, and to an unscoped query', async () => {
    const resident = await registerPerson(server, 'shelter.staff', { givenName: 'Ιφιγένεια', familyName: 'Ασφαλίδου', sex: 'F' });
    const shelterCase = await openCase('shelter.manager', resident, 'gbv-support');
    const res = await putPlan('shelter.manager', shelterCase, '"v0"', [
      {
        domain: 'housing',
        text: 'Ασφαλής στέγη',
        actions: [{ text: 'Αίτηση', owner: { kind: 'person', person: resident }, dueOn: day(-2) }],
      },
    ]);
    expect(res.status).toBe(200);
    const own = await json<Overdue>(await as('shelter.manager', 'GET', '/api/v1/tasks/overdue?structure=womens-shelter'));
    expect(own.tasks.map((t) => t.case)).toEqual([shelterCase]);
    for (const user of ['director', 'socialworker']) {
      expect((await as(user, 'GET', `/api/v1/cases/${shelterCase}/plan`)).status, user).toBe(404);
      const list = await json<Overdue>(await as(user, 'GET', '/api/v1/tasks/overdue'));
      expect(list.tasks.map((t) => t.case)).not.toContain(shelterCase);
    }
    expect((await as('director', 'GET', '/api/v1/tasks/overdue?structure=womens-shelter')).status).toBe(403);
    const action = (await json<Plan>(res)).goals[0]?.actions[0]?.id ?? '';
    const patched = await as('socialworker', 'PATCH', `/api/v1/plan-actions/${action}`, { status: 'done' });
    expect(patched.status).toBe(404);
    // Row-level security as the application role, outside any actor's transaction.
    for (const table of ['action_plans', 'plan_goals', 'plan_actions']) {
      expect(await count(`select count(*) as n from ${table} where compartment_id is not null`), table).toBe(0);
    }
  });
});
