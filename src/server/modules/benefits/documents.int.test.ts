import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

const LIMIT = 40_000;
let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

/** A request carrying raw bytes as a user (an API token). */
async function upload(username: string, path: string, bytes: Uint8Array, type: string, headers: Record<string, string> = {}) {
  return server.get(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.tokenFor(username)}`, 'content-type': type, ...headers },
    body: new Uint8Array(bytes),
  });
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A real 2×2 RGB PNG. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let pdf: Uint8Array;
let person = '';
let caseId = '';
let shelterCase = '';
let pdfId = '';
beforeAll(async () => {
  server = await startTestServer({ seed: true, env: { MERIMNA_DOCUMENT_MAX_BYTES: String(LIMIT) } });
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Merimna test');
  pdf = await doc.save();
  person = await registerPerson(server, 'socialworker', { givenName: 'Φωτεινή', familyName: 'Εγγραφίδου' });
  caseId = (await json<{ id: string }>(await as('socialworker', 'POST', '/api/v1/cases', { person, type: 'general-support' })))
    .id;
  const resident = await registerPerson(server, 'shelter.staff', { givenName: 'Σοφία', familyName: 'Κρυφή' });
  shelterCase = (
    await json<{ id: string }>(await as('shelter.manager', 'POST', '/api/v1/cases', { person: resident, type: 'gbv-support' }))
  ).id;
});
afterAll(async () => {
  await server.close();
});

describe('uploading documents', () => {
  it('stores a real PDF on a case with its SHA-256, and puts a document entry on the timeline', async () => {
    const res = await upload('socialworker', `/api/v1/cases/${caseId}/documents?category=income`, pdf, 'application/pdf', {
      'x-file-name': encodeURIComponent('Εκκαθαριστικό 2025.pdf'),
    });
    expect(res.status).toBe(201);
    const doc = await json<{ id: string; mediaType: string; sha256: string; sizeBytes: number; title: string }>(res);
    pdfId = doc.id;
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(doc).toMatchObject({
      mediaType: 'application/pdf',
      sha256: sha,
      sizeBytes: pdf.length,
      title: 'Εκκαθαριστικό 2025.pdf',
    });
    const [stored] = await server.database.query<{ sha256: string; size_bytes: number }>(
      'select sha256, size_bytes from documents where id = $1',
      [doc.id],
    );
    expect(stored).toEqual({ sha256: sha, size_bytes: pdf.length });
    const timeline = await json<{ items: { body: { document?: string } }[] }>(
      await as('socialworker', 'GET', `/api/v1/cases/${caseId}/timeline?kind=document`),
    );
    expect(timeline.items.map((e) => e.body.document)).toEqual([doc.id]);
  });

  it('detects a PNG sent as application/octet-stream, on a person', async () => {
    const res = await upload(
      'socialworker',
      `/api/v1/persons/${person}/documents?category=identity`,
      png(),
      'application/octet-stream',
    );
    expect(res.status).toBe(201);
    expect((await json<{ mediaType: string }>(res)).mediaType).toBe('image/png');
    const list = await json<{ items: { mediaType: string }[] }>(
      await as('socialworker', 'GET', `/api/v1/persons/${person}/documents`),
    );
    expect(list.items.map((d) => d.mediaType)).toEqual(['image/png']);
  });

  it('refuses text bytes named .pdf and sent as application/pdf (415), and writes nothing', async () => {
    const before = await server.database.query('select id from documents');
    const fake = Buffer.from('Αυτό δεν είναι PDF, μόνο κείμενο.\n'.repeat(20), 'utf8');
    const res = await upload('socialworker', `/api/v1/cases/${caseId}/documents`, fake, 'application/pdf', {
      'x-file-name': 'report.pdf',
      'accept-language': 'en',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.text()).not.toContain('report');
    expect(await server.database.query('select id from documents')).toHaveLength(before.length);
  });

  it('refuses a file over the configured limit (413)', async () => {
    const big = Buffer.concat([Buffer.from(pdf), Buffer.alloc(LIMIT)]);
    const res = await upload('socialworker', `/api/v1/cases/${caseId}/documents`, big, 'application/pdf');
    expect(res.status).toBe(413);
  });
});

describe('reading and downloading', () => {
  it('downloads the bytes as an attachment of the detected type, with nosniff, and every download is audited', async () => {
    const res = await as('socialworker', 'GET', `/api/v1/documents/${pdfId}/content`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(res.headers.get('content-disposition')).not.toContain('Εκκαθαριστικό');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    await as('socialworker', 'GET', `/api/v1/documents/${pdfId}/content`);
    const rows = await server.database.query<{ entity_id: string; person_id: string }>(
      `select entity_id, person_id from audit_event where action = 'document.downloaded' and actor_label = 'socialworker'`,
    );
    expect(rows).toEqual([
      { entity_id: pdfId, person_id: person },
      { entity_id: pdfId, person_id: person },
    ]);
  });

  it('hides a labelled document from a reader not cleared for it (counted, 404 when asked for)', async () => {
    const res = await upload(
      'socialworker',
      `/api/v1/cases/${caseId}/documents?sensitivity=health&category=health`,
      png(),
      'image/png',
    );
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    const list = await json<{ items: { id: string }[]; hidden: number }>(
      await as('frontdesk', 'GET', `/api/v1/cases/${caseId}/documents`),
    );
    expect(list).toMatchObject({ hidden: 1 });
    expect(list.items.map((d) => d.id)).toEqual([pdfId]);
    expect((await as('frontdesk', 'GET', `/api/v1/documents/${id}`)).status).toBe(404);
    expect((await as('frontdesk', 'GET', `/api/v1/documents/${id}/content`)).status).toBe(404);
    // A writer cannot label with a clearance they do not hold.
    const labelled = await upload('frontdesk', `/api/v1/cases/${caseId}/documents?sensitivity=health`, png(), 'image/png');
    expect(labelled.status).toBe(403);
  });

  it('answers 404 outside the reader’s scope, on record', async () => {
    const res = await as('dormitory.manager', 'GET', `/api/v1/documents/${pdfId}`);
    expect(res.status).toBe(404);
    expect((await json<{ type: string }>(res)).type).toBe('urn:merimna:problem:document_not_found');
    expect((await as('dormitory.manager', 'GET', `/api/v1/documents/${pdfId}/content`)).status).toBe(404);
    const list = await as('dormitory.manager', 'GET', `/api/v1/cases/${caseId}/documents`);
    expect((await json<{ type: string }>(list)).type).toBe('urn:merimna:problem:case_not_found');
    const denied = await server.database.query<{ entity_id: string }>(
      `select entity_id from audit_event where action = 'access.denied' and actor_label = 'dormitory.manager'`,
    );
    expect(denied.map((r) => r.entity_id)).toEqual([pdfId, pdfId, caseId]);
  });

  it('keeps a document of the women’s shelter inside its compartment', async () => {
    const res = await upload('shelter.manager', `/api/v1/cases/${shelterCase}/documents`, pdf, 'application/pdf');
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    expect((await as('shelter.manager', 'GET', `/api/v1/documents/${id}`)).status).toBe(200);
    for (const user of ['socialworker', 'director']) {
      expect((await as(user, 'GET', `/api/v1/documents/${id}`)).status).toBe(404);
      expect((await as(user, 'GET', `/api/v1/documents/${id}/content`)).status).toBe(404);
    }
    const [stored] = await server.database.query<{ compartment_id: string | null }>(
      'select compartment_id from documents where id = $1',
      [id],
    );
    expect(stored?.compartment_id).not.toBeNull();
  });
});

describe('withdrawal', () => {
  it('withdraws a document, keeps it, and refuses a second withdrawal (409)', async () => {
    const res = await as('socialworker', 'POST', `/api/v1/documents/${pdfId}/withdrawal`, { reason: 'Λάθος πρόσωπο' });
    expect(res.status).toBe(200);
    expect((await json<{ withdrawn: { reason: string } | null }>(res)).withdrawn?.reason).toBe('Λάθος πρόσωπο');
    expect((await as('socialworker', 'POST', `/api/v1/documents/${pdfId}/withdrawal`, { reason: 'ξανά' })).status).toBe(409);
    expect(await server.database.query('select 1 from documents where id = $1', [pdfId])).toHaveLength(1);
  });
});
