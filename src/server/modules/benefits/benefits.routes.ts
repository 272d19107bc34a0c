import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBenefitApplication,
  ZBenefitCreate,
  ZBenefitMove,
  ZBenefitPage,
  ZBenefitPatch,
  ZBenefitQuery,
  ZChecklistMark,
} from '../../../shared/benefits/benefit.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as benefits from './benefits.service.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid().describe('the application’s id') }).strict();
const ZItem = z
  .object({
    id: z.uuid().describe('the application’s id'),
    item: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/)
      .describe('key of the checklist item'),
  })
  .strict();

/** Benefit applications filed on a person's behalf, their status and their documents checklist. */
export const benefitsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422, 428);

  app.get(
    '/benefit-applications',
    {
      config: { access: 'benefit.read' },
      schema: {
        tags: ['benefits'],
        summary: 'Applications filed at the caller’s structures; the renewal reminders with renewalWithinDays',
        description: 'Newest first, keyset pages; every application listed is recorded on the audit trail.',
        querystring: ZBenefitQuery,
        response: { 200: ZBenefitPage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await benefits.listBenefits(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/benefit-applications',
    {
      config: { access: 'benefit.update' },
      schema: {
        tags: ['benefits'],
        summary: 'File a new benefit application for a person (status preparing)',
        body: ZBenefitCreate,
        querystring: ZNoQuery,
        response: { 201: ZBenefitApplication, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await benefits.createBenefit(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).header('etag', etag).header('location', `/api/v1/benefit-applications/${item.id}`).send(item);
    },
  );

  app.get(
    '/benefit-applications/:id',
    {
      config: { access: 'benefit.read' },
      schema: {
        tags: ['benefits'],
        summary: 'One application with its checklist',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: ZBenefitApplication, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await benefits.getBenefit(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('etag', etag).header('cache-control', 'no-store').send(item);
    },
  );

  app.patch(
    '/benefit-applications/:id',
    {
      config: { access: 'benefit.update' },
      schema: {
        tags: ['benefits'],
        summary: 'Change an application’s details',
        description: 'If-Match with the ETag read (428 without); 409 with currentVersion when it changed meanwhile.',
        params: ZId,
        body: ZBenefitPatch,
        querystring: ZNoQuery,
        response: { 200: ZBenefitApplication, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await benefits.patchBenefit(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.headers['if-match'],
        req.body,
      );
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/benefit-applications/:id/status',
    {
      config: { access: 'benefit.update' },
      schema: {
        tags: ['benefits'],
        summary: 'Move an application: submitted, more documents requested, approved, rejected, under appeal',
        description: 'Only the moves in "allowed" are legal (409 naming them); If-Match is checked when sent.',
        params: ZId,
        body: ZBenefitMove,
        querystring: ZNoQuery,
        response: { 200: ZBenefitApplication, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await benefits.moveBenefit(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.headers['if-match'],
        req.body,
      );
      return reply.header('etag', etag).send(item);
    },
  );

  app.put(
    '/benefit-applications/:id/checklist/:item',
    {
      config: { access: 'benefit.update' },
      schema: {
        tags: ['benefits'],
        summary: 'Tick or untick one document of the application’s checklist',
        params: ZItem,
        body: ZChecklistMark,
        querystring: ZNoQuery,
        response: { 200: ZBenefitApplication, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await benefits.markChecklist(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.params.item,
        req.body,
      );
      return reply.header('etag', etag).send(item);
    },
  );
};
