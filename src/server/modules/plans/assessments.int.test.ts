import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZFormDefinition } from '../../../shared/plans/assessment.js';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface Form {
  slug: string;
  version: number;
  caseType: string;
  questions: { key: string; domain: string; scale: { score: number }[] }[];
}
interface History {
  domains: { domain: string; points: { score: number; max: number }[]; change: number }[];
  totals: { score: number; max: number }[];
}

let caseId = '';
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  const person = await registerPerson(server, 'dormitory.manager', { givenName: 'Αντώνης', familyName: 'Αξιολογίδης' });
  const res = await as('dormitory.manager', 'POST', '/api/v1/cases', { person, type: 'homeless-reintegration' });
  caseId = (await json<{ id: string }>(res)).id;
});
afterAll(async () => {
  await server.close();
});

describe('assessment forms', () => {
  it('each of the six case types has a default form whose stored definition is valid', async () => {
    const forms = await json<{ items: Form[] }>(await as('socialworker', 'GET', '/api/v1/assessment-forms'));
    expect(forms.items.map((f) => f.caseType).sort()).toEqual([
      'disability-support',
      'family-support',
      'gbv-support',
      'general-support',
      'homeless-reintegration',
      'migrant-integration',
    ]);
    for (const f of forms.items) expect(ZFormDefinition.safeParse({ questions: f.questions }).success, f.slug).toBe(true);
    const rows = await server.database.query<{ definition: unknown }>('select definition from assessment_forms');
    for (const r of rows) expect(ZFormDefinition.safeParse(r.definition).success).toBe(true);
    const general = forms.items.find((f) => f.caseType === 'general-support');
    expect(general?.questions.map((q) => q.domain)).toEqual([
      'housing',
      'income',
      'health',
      'legal_status',
      'employment',
      'language',
      'childcare',
      'safety',
    ]);
    const one = await json<{ items: Form[] }>(await as('socialworker', 'GET', '/api/v1/assessment-forms?type=gbv-support'));
    expect(one.items.map((f) => f.slug)).toEqual(['gbv-support']);
  });
});

describe('assessments repeated over time', () => {
  const answers = (scores: Record<string, number>) => ({
    housing: 1,
    income: 1,
    health: 3,
    legal_status: 2,
    employment: 1,
    safety: 3,
    ...scores,
  });

  it('refuses answers that do not fit the form, naming each question', async () => {
    const res = await as('dormitory.manager', 'POST', `/api/v1/cases/${caseId}/assessments`, {
      answers: { housing: 9, language: 2, income: 1, health: 1, legal_status: 1, employment: 1 },
    });
    expect(res.status).toBe(422);
    expect((await json<{ errors: unknown[] }>(res)).errors).toEqual([
      { field: 'body.answers.language', code: 'unknown_question' },
      { field: 'body.answers.housing', code: 'not_on_scale' },
      { field: 'body.answers.safety', code: 'required' },
    ]);
  });

  it('a first and a second assessment show the change per domain, and each is on the timeline', async () => {
    const first = await as('dormitory.manager', 'POST', `/api/v1/cases/${caseId}/assessments`, {
      answers: answers({}),
      assessedOn: '2026-09-01',
    });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ form: { slug: 'homeless-reintegration', version: 1 }, total: 11, maxTotal: 30 });
    const second = await as('dormitory.manager', 'POST', `/api/v1/cases/${caseId}/assessments`, {
      answers: answers({ housing: 3, income: 2, employment: 2 }),
      assessedOn: '2026-11-01',
      note: 'Στο πρόγραμμα στέγασης',
    });
    expect(second.status).toBe(201);
    const history = await json<History>(await as('dormitory.manager', 'GET', `/api/v1/cases/${caseId}/assessments/scores`));
    const housing = history.domains.find((d) => d.domain === 'housing');
    expect(housing).toEqual({
      domain: 'housing',
      points: [expect.objectContaining({ score: 1, max: 5 }), expect.objectContaining({ score: 3, max: 5 })],
      change: 2,
    });
    expect(history.domains.find((d) => d.domain === 'health')?.change).toBe(0);
    expect(history.domains.map((d) => d.domain)).not.toContain('language');
    expect(history.totals.map((t) => t.score)).toEqual([11, 15]);
    const list = await json<{ items: { assessedOn: string }[] }>(
      await as('dormitory.staff', 'GET', `/api/v1/cases/${caseId}/assessments`),
    );
    expect(list.items.map((a) => a.assessedOn)).toEqual(['2026-09-01', '2026-11-01']);
    const timeline = await json<{ items: { body: { total: number } }[] }>(
      await as('dormitory.manager', 'GET', `/api/v1/cases/${caseId}/timeline?kind=assessment`),
    );
    expect(timeline.items.map((e) => e.body.total)).toEqual([15, 11]);
  });

  it('an assessment dated in the future is refused; staff without case.update may read but not assess', async () => {
    const future = await as('dormitory.manager', 'POST', `/api/v1/cases/${caseId}/assessments`, {
      answers: answers({}),
      assessedOn: '2999-01-01',
    });
    expect(future.status).toBe(422);
    const staff = await as('dormitory.staff', 'POST', `/api/v1/cases/${caseId}/assessments`, { answers: answers({}) });
    expect(staff.status).toBe(403);
    const outside = await as('socialworker', 'GET', `/api/v1/cases/${caseId}/assessments/scores`);
    expect(outside.status).toBe(404);
  });
});
