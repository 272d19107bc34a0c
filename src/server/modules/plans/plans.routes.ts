import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZActionPatch,
  ZActionResult,
  ZOverdue,
  ZOverdueQuery,
  ZPlan,
  ZPlanPut,
  ZReviewCreate,
} from '../../../shared/plans/plan.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as plans from './plans.service.js';
import * as tasks from './tasks.service.js';

const ZNoQuery = z.object({}).strict();
const ZCaseId = z.object({ id: z.uuid().describe('the case’s id') }).strict();
const ZIfMatch = z.object({ 'if-match': z.string().max(40).optional().describe('the ETag of the version read') }).loose();

/** Individual action plans, their reviews, the actions' statuses and the overdue list. */
export const plansRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/cases/:id/plan',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['plans'],
        summary: 'The current action plan of a case',
        description: 'Goals, actions with owner and due date, and reviews; version 0 (ETag "v0") before one is written.',
        params: ZCaseId,
        querystring: ZNoQuery,
        response: { 200: ZPlan, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await plans.getPlan(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('etag', etag).header('cache-control', 'no-store').send(item);
    },
  );

  app.put(
    '/cases/:id/plan',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['plans'],
        summary: 'Write the action plan of a case',
        description:
          'Goals and actions replace the current ones as a whole (send the ids of those kept) and the version goes one up. ' +
          'Send the ETag you read as If-Match ("v0" for a first plan; 428 without); 409 with the current version when stale.',
        params: ZCaseId,
        headers: ZIfMatch,
        body: ZPlanPut,
        querystring: ZNoQuery,
        response: { 200: ZPlan, ...problemResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const { item, etag } = await plans.putPlan(db, audit, actor, req.params.id, req.headers['if-match'], req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/cases/:id/plan/reviews',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['plans'],
        summary: 'Record a review of a case’s action plan',
        description: 'With the date of the next review; 409 when the case has no plan yet. Answers the plan.',
        params: ZCaseId,
        body: ZReviewCreate,
        querystring: ZNoQuery,
        response: { 201: ZPlan, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await plans.addReview(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.code(201).header('etag', etag).send(item);
    },
  );

  app.patch(
    '/plan-actions/:id',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['plans'],
        summary: 'Mark a plan action (a task) done, cancelled or open',
        description: 'Without the plan’s version (a task list is not a plan editor); the plan still takes the next version.',
        params: z.object({ id: z.uuid().describe('the action’s id') }).strict(),
        body: ZActionPatch,
        querystring: ZNoQuery,
        response: { 200: ZActionResult, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await plans.patchAction(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.get(
    '/tasks/overdue',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['plans'],
        summary: 'Overdue tasks and plan reviews',
        description:
          'Open actions past their due date and plans past their review date on active cases, oldest first: the caller’s ' +
          'own by default, or every one at a structure for those who manage it (case.assign there; 403 otherwise).',
        querystring: ZOverdueQuery,
        response: { 200: ZOverdue, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const list = await tasks.overdue(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(list);
    },
  );
};
