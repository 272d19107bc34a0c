import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZEntry, ZEntryCorrect, ZEntryCreate, ZTimelinePage, ZTimelineQuery } from '../../../shared/cases/timeline.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as timeline from './timeline.service.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid().describe('the case’s id') }).strict();
const ZEntryId = z.object({ id: z.uuid().describe('the case’s id'), entryId: z.uuid().describe('the entry’s id') }).strict();

/** A case's timeline: append-only; notes are corrected by a new version, never edited. */
export const timelineRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/cases/:id/timeline',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'A case’s timeline, newest first',
        description:
          'Paged by cursor, optionally one kind only. Entries with a sensitivity label the caller is not cleared for are left ' +
          'out and counted in `hidden`. Corrected notes show every version.',
        params: ZId,
        querystring: ZTimelineQuery,
        response: { 200: ZTimelinePage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await timeline.timeline(db, auditContext(tenantId, actor, req), actor, req.params.id, req.query);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/cases/:id/timeline',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['cases'],
        summary: 'Write a step on an active case’s timeline',
        description:
          'A note, an assessment, a plan change, a referral event, a benefit step or a document; 409 on a closed case.',
        params: ZId,
        body: ZEntryCreate,
        querystring: ZNoQuery,
        response: { 201: ZEntry, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const entry = await timeline.addEntry(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/cases/:id/timeline/:entryId/correct',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['cases'],
        summary: 'Correct a note',
        description:
          'By its author (403 otherwise) within 24 hours of its first version (409 otherwise): a new version that names the ' +
          'first; the earlier versions stay on the timeline.',
        params: ZEntryId,
        body: ZEntryCorrect,
        querystring: ZNoQuery,
        response: { 201: ZEntry, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const entry = await timeline.correctEntry(db, audit, actor, req.params.id, req.params.entryId, req.body);
      return reply.code(201).send(entry);
    },
  );
};
