import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDocument,
  ZDocumentList,
  ZDocumentUploadHeaders,
  ZDocumentUploadQuery,
  ZDocumentWithdraw,
} from '../../../shared/benefits/benefit.js';
import { DOCUMENT_MEDIA_TYPES } from '../../../shared/benefits/lists.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as documents from './documents.service.js';

const ZNoQuery = z.object({}).strict();
const ZCaseId = z.object({ id: z.uuid().describe('the case’s id') }).strict();
const ZPersonId = z.object({ id: z.uuid().describe('the person’s id') }).strict();
const ZDocId = z.object({ id: z.uuid().describe('the document’s id') }).strict();

/** The file's name from x-file-name (percent-encoded UTF-8), trimmed to the title's length; null when absent or garbled. */
function titleOf(header: string | undefined): string | null {
  if (!header) return null;
  try {
    const name = decodeURIComponent(header).trim().slice(0, 200);
    return name.length > 0 ? name : null;
  } catch {
    return null;
  }
}

const UPLOAD_DESCRIPTION =
  'The body is the file’s bytes, sent with a content-type of application/pdf, image/png, image/jpeg, image/webp or ' +
  'application/octet-stream; the type is then detected from the content (415 unless PDF, PNG, JPEG or WebP) and the ' +
  'size limited (MERIMNA_DOCUMENT_MAX_BYTES, 413). The file’s name goes in x-file-name, never in the address.';

/** Uploads: the raw bytes of a file, parsed as a buffer up to the document limit (JSON bodies keep the API's limit). */
const uploadRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId, config } = app.ctx;
  const db = database.db;
  app.addContentTypeParser(
    [...DOCUMENT_MEDIA_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: config.documentMaxBytes },
    (_req, body, done) => done(null, body),
  );
  const errors = problemResponses(400, 401, 403, 404, 413, 415, 422);

  for (const kind of ['case', 'person'] as const) {
    app.post(
      kind === 'case' ? '/cases/:id/documents' : '/persons/:id/documents',
      {
        config: { access: kind === 'case' ? 'case.update' : 'person.update' },
        schema: {
          tags: ['documents'],
          summary:
            kind === 'case' ? 'Attach a document to a case (a document entry on its timeline)' : 'Attach a document to a person',
          description: UPLOAD_DESCRIPTION,
          params: kind === 'case' ? ZCaseId : ZPersonId,
          querystring: ZDocumentUploadQuery,
          headers: ZDocumentUploadHeaders,
          response: { 201: ZDocument, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const item = await documents.uploadDocument(
          db,
          auditContext(tenantId, actor, req),
          actor,
          { kind, id: req.params.id },
          req.body,
          {
            title: titleOf(req.headers['x-file-name']),
            category: req.query.category,
            sensitivity: req.query.sensitivity ?? null,
          },
        );
        return reply.code(201).header('location', `/api/v1/documents/${item.id}`).send(item);
      },
    );
  }
};

/** Documents attached to a case or a person: upload, lists, metadata, download (audited) and withdrawal. */
export const documentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);
  await app.register(uploadRoutes);

  for (const kind of ['case', 'person'] as const) {
    app.get(
      kind === 'case' ? '/cases/:id/documents' : '/persons/:id/documents',
      {
        config: { access: kind === 'case' ? 'case.read' : 'person.read' },
        schema: {
          tags: ['documents'],
          summary: kind === 'case' ? 'The documents of a case, newest first' : 'The documents of a person, newest first',
          description: 'Documents labelled beyond the reader’s clearances are left out and counted in "hidden".',
          params: kind === 'case' ? ZCaseId : ZPersonId,
          querystring: ZNoQuery,
          response: { 200: ZDocumentList, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const list = await documents.listDocuments(db, auditContext(tenantId, actor, req), actor, { kind, id: req.params.id });
        return reply.header('cache-control', 'no-store').send(list);
      },
    );
  }

  app.get(
    '/documents/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['documents'],
        summary: 'A document’s metadata',
        description: 'For readers of its case (case.read) or person (person.read).',
        params: ZDocId,
        querystring: ZNoQuery,
        response: { 200: ZDocument, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const item = await documents.getDocument(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(item);
    },
  );

  app.get(
    '/documents/:id/content',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['documents'],
        summary: 'Download a document (audited)',
        description: 'The bytes, as an attachment of the type detected at upload; every download is on the audit trail.',
        params: ZDocId,
        querystring: ZNoQuery,
        response: { 200: z.unknown().describe('the file'), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await documents.downloadDocument(db, auditContext(tenantId, actor, req), actor, req.params.id);
      const ext = file.mediaType === 'application/pdf' ? 'pdf' : file.mediaType.slice('image/'.length);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="document-${req.params.id}.${ext}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
        .send(file.content);
    },
  );

  app.post(
    '/documents/:id/withdrawal',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['documents'],
        summary: 'Withdraw a document (it is kept, never deleted)',
        description: 'For those who may change its case (case.update) or person (person.update); 409 when already withdrawn.',
        params: ZDocId,
        body: ZDocumentWithdraw,
        querystring: ZNoQuery,
        response: { 200: ZDocument, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const item = await documents.withdrawDocument(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.body.reason,
      );
      return reply.send(item);
    },
  );
};
