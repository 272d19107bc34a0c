import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZServiceDelivery,
  ZServiceDeliveryBulk,
  ZServiceDeliveryCreate,
  ZServiceDeliveryPage,
  ZServiceDeliveryQuery,
} from '../../../shared/cases/timeline.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as deliveries from './deliveries.service.js';

const ZNoQuery = z.object({}).strict();

/** The log of services delivered: what indicators will be computed from. */
export const deliveriesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/service-deliveries',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The service log: a structure’s day, or a person’s history',
        description:
          'Newest first, paged by cursor, at the caller’s structures. Every delivery listed is recorded on the audit trail.',
        querystring: ZServiceDeliveryQuery,
        response: { 200: ZServiceDeliveryPage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await deliveries.listDeliveries(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/service-deliveries',
    {
      config: { access: 'service.record' },
      schema: {
        tags: ['cases'],
        summary: 'Record a service delivered to a person',
        description: 'One of the structure’s services; under a case it is also a service_delivered entry on the case’s timeline.',
        body: ZServiceDeliveryCreate,
        querystring: ZNoQuery,
        response: { 201: ZServiceDelivery, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const item = await deliveries.recordDelivery(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).send(item);
    },
  );

  app.post(
    '/service-deliveries/bulk',
    {
      config: { access: 'service.record' },
      schema: {
        tags: ['cases'],
        summary: 'Record one service delivered to a list of persons',
        description: 'A soup kitchen’s list: all recorded or none (422 naming every person of the list that cannot be).',
        body: ZServiceDeliveryBulk,
        querystring: ZNoQuery,
        response: { 201: z.object({ items: z.array(ZServiceDelivery) }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await deliveries.recordBulk(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).send(result);
    },
  );
};
