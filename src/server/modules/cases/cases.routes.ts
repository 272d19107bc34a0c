import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCase,
  ZCaseCreate,
  ZCaseDetail,
  ZCasePage,
  ZCasePatch,
  ZCaseQuery,
  ZCaseTypeList,
  ZCaseTypeQuery,
  ZClosureApproval,
  ZReassign,
  ZReassignResult,
  ZStatusChange,
} from '../../../shared/cases/case.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as cases from './cases.service.js';
import { deliveriesRoutes } from './deliveries.routes.js';
import * as status from './status.service.js';
import { timelineRoutes } from './timeline.routes.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid().describe('the case’s id') }).strict();
const ZIfMatch = z.object({ 'if-match': z.string().max(40).optional().describe('the ETag of the version read') }).loose();

/** Case files: every route is scoped to the caller's structures and audited. */
export const casesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Cases: the caller’s caseload by default',
        description:
          'Newest first, paged by cursor. Without filters the caller’s own cases; with a structure or a person every case ' +
          'there in the caller’s scope unless `assigned` says whose. Every case listed is recorded on the audit trail.',
        querystring: ZCaseQuery,
        response: { 200: ZCasePage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await cases.listCases(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.get(
    '/case-types',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The case types a structure offers',
        description: 'Those a case opened there may have, by name; an unknown structure answers 422.',
        querystring: ZCaseTypeQuery,
        response: { 200: ZCaseTypeList, ...errors },
      },
    },
    async (req) => cases.listCaseTypes(db, tenantId, requireActor(req), req.query.structure),
  );

  app.post(
    '/cases',
    {
      config: { access: 'case.create' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case for a person or a household',
        description:
          'At a structure where the caller opens cases, of a type the structure offers; assigned to the caller by default.',
        body: ZCaseCreate,
        querystring: ZNoQuery,
        response: { 201: ZCase, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await cases.createCase(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).header('etag', etag).header('location', `/api/v1/cases/${item.id}`).send(item);
    },
  );

  app.post(
    '/cases/reassign',
    {
      config: { access: 'case.assign' },
      schema: {
        tags: ['cases'],
        summary: 'Move a worker’s active cases at a structure to another worker',
        description: 'For managers, when a worker leaves or is away; all or nothing, one audit row per case moved.',
        body: ZReassign,
        querystring: ZNoQuery,
        response: { 200: ZReassignResult, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return status.reassignCases(db, auditContext(tenantId, actor, req), actor, req.body);
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'One case, with its timeline’s entry counts by kind',
        description: 'A case outside the caller’s scope answers 404, as if it did not exist, unless opened by break-glass.',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: ZCaseDetail, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await cases.getCase(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('etag', etag).header('cache-control', 'no-store').send(item);
    },
  );

  app.patch(
    '/cases/:id',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['cases'],
        summary: 'Change a case’s type, worker or summary',
        description: 'Send the ETag of the version you read as If-Match (428 without); 409 with the current version when stale.',
        params: ZId,
        headers: ZIfMatch,
        body: ZCasePatch,
        querystring: ZNoQuery,
        response: { 200: ZCase, ...problemResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const { item, etag } = await cases.updateCase(db, audit, actor, req.params.id, req.headers['if-match'], req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/cases/:id/status',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case to another status',
        description:
          'Only the legal moves (409 naming the allowed ones otherwise). Closing needs a reason and an outcome and the ' +
          'permission `case.close`, and for case types that require it an approval first (409); reopening needs `case.close`.',
        params: ZId,
        body: ZStatusChange,
        querystring: ZNoQuery,
        response: { 200: ZCase, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await status.changeStatus(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/cases/:id/closure-approval',
    {
      config: { access: 'case.approve' },
      schema: {
        tags: ['cases'],
        summary: 'Approve the closure of a case',
        description:
          'For case types whose closure needs approval; 409 when it needs none, is approved already or the case is closed.',
        params: ZId,
        body: ZClosureApproval,
        querystring: ZNoQuery,
        response: { 200: ZCase, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await status.approveClosure(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  await app.register(timelineRoutes);
  await app.register(deliveriesRoutes);
};
