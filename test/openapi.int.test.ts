import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from './helpers/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the API description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await server.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/structures',
        '/api/v1/structures/{id}',
        '/api/v1/services',
        '/api/v1/organisations',
        '/api/v1/case-types',
        '/api/v1/cases',
        '/api/v1/cases/{id}',
        '/api/v1/cases/{id}/timeline',
        '/api/v1/cases/{id}/timeline/{entryId}/correct',
        '/api/v1/service-deliveries',
        '/api/v1/service-deliveries/bulk',
        '/api/v1/assessment-forms',
        '/api/v1/cases/{id}/assessments',
        '/api/v1/cases/{id}/assessments/scores',
        '/api/v1/cases/{id}/plan',
        '/api/v1/cases/{id}/plan/reviews',
        '/api/v1/plan-actions/{id}',
        '/api/v1/tasks/overdue',
        '/api/v1/cases/{id}/aid-requests',
        '/api/v1/aid-requests',
        '/api/v1/aid-requests/{id}/decision',
        '/api/v1/aid-requests/{id}/payment',
        '/api/v1/referrals',
        '/api/v1/referrals/{id}',
        '/api/v1/referrals/{id}/transitions',
        '/api/v1/referrals/{id}/events',
        '/api/v1/referrals/{id}/external-link',
        '/api/v1/referrals/{id}/letter.pdf',
        '/api/v1/referral-links/{token}',
        '/api/v1/referral-links/{token}/accept',
        '/api/v1/benefit-applications',
        '/api/v1/benefit-applications/{id}',
        '/api/v1/benefit-applications/{id}/status',
        '/api/v1/benefit-applications/{id}/checklist/{item}',
        '/api/v1/cases/{id}/documents',
        '/api/v1/persons/{id}/documents',
        '/api/v1/documents/{id}',
        '/api/v1/documents/{id}/content',
        '/api/v1/documents/{id}/withdrawal',
      ]),
    );
  });

  it('has human documentation at /api/docs', async () => {
    const res = await server.get('/api/docs');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});

describe('the machine endpoints', () => {
  it('reports alive and ready', async () => {
    expect(await json(await server.get('/healthz'))).toEqual({ status: 'ok' });
    const ready = await server.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await json(ready)).toMatchObject({ status: 'ok' });
  });

  it('reports not ready while a migration is pending', async () => {
    await server.ownerExec(`delete from schema_migrations where name like '%0001%'`);
    try {
      const res = await server.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await server.ownerExec(
        `insert into schema_migrations (name, checksum) values ('20261122_0001_foundation.sql', 'restored-by-test')`,
      );
    }
  });

  it('exports request counts and latency by route, and the pool', async () => {
    await server.get('/api/v1/structures');
    await server.get('/api/v1/structures/whatever');
    const text = await (await server.get('/metrics')).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/structures",status_code="200"\} \d+/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/structures\/:id",status_code="404"\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('merimna_db_pool_connections{state="total"}');
  });

  it('sets security headers and a request id', async () => {
    const res = await server.get('/healthz', { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const generated = await server.get('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
