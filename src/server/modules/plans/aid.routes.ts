import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAidCreate, ZAidDecision, ZAidList, ZAidPayment, ZAidQuery, ZAidRequest } from '../../../shared/plans/aid.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as aid from './aid.service.js';

const ZNoQuery = z.object({}).strict();
const ZCaseId = z.object({ id: z.uuid().describe('the case’s id') }).strict();
const ZAidId = z.object({ id: z.uuid().describe('the aid request’s id') }).strict();

/** Cash and in-kind aid: recommended by a worker, decided by an approver, then paid or handed over. */
export const aidRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/cases/:id/aid-requests',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['aid'],
        summary: 'The aid requests of a case, oldest first',
        params: ZCaseId,
        querystring: ZNoQuery,
        response: { 200: ZAidList, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const list = await aid.listCaseAid(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(list);
    },
  );

  app.post(
    '/cases/:id/aid-requests',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['aid'],
        summary: 'Recommend cash or in-kind aid',
        description:
          'Cash with an amount in euro cents, or goods with a description, from an active budget line; it waits for an approver.',
        params: ZCaseId,
        body: ZAidCreate,
        querystring: ZNoQuery,
        response: { 201: ZAidRequest, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await aid.recommendAid(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.code(201).header('etag', etag).header('location', `/api/v1/aid-requests/${item.id}`).send(item);
    },
  );

  app.get(
    '/aid-requests',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['aid'],
        summary: 'Aid requests of the cases in the caller’s scope; the approver’s queue with status=recommended',
        description: 'Oldest first; every request listed is recorded on the audit trail.',
        querystring: ZAidQuery,
        response: { 200: ZAidList, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const list = await aid.listAid(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(list);
    },
  );

  app.post(
    '/aid-requests/:id/decision',
    {
      config: { access: 'case.approve' },
      schema: {
        tags: ['aid'],
        summary: 'Approve or reject recommended aid',
        description: 'For approvers at the case’s structure, never on their own recommendation (403); 409 unless recommended.',
        params: ZAidId,
        body: ZAidDecision,
        querystring: ZNoQuery,
        response: { 200: ZAidRequest, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await aid.decideAid(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/aid-requests/:id/payment',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['aid'],
        summary: 'Record the payment (cash) or the handover (goods) of approved aid',
        description: 'With its day and the payment order or receipt number; 409 unless approved.',
        params: ZAidId,
        body: ZAidPayment,
        querystring: ZNoQuery,
        response: { 200: ZAidRequest, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await aid.settleAid(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.header('etag', etag).send(item);
    },
  );
};
