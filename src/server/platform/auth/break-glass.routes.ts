import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBreakGlass, ZBreakGlassOpen, ZBreakGlassReview } from '../../../shared/auth.js';
import { problemResponses } from '../http/problem.js';
import { auditContext } from './actor.js';
import { requireActor } from './access.js';
import { listBreakGlass, openBreakGlass, reviewBreakGlass } from './break-glass.js';

const ZNoQuery = z.object({}).strict();

/** Break-glass openings and their review queue. */
export const breakGlassRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409);

  app.post(
    '/break-glass',
    {
      config: { access: 'breakglass.use' },
      schema: {
        tags: ['audit'],
        summary: 'Open a record outside one’s scope, for a stated reason',
        body: ZBreakGlassOpen,
        querystring: ZNoQuery,
        response: { 201: ZBreakGlass, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.code(201).send(await openBreakGlass(db, auditContext(tenantId, actor, req), actor, req.body));
    },
  );

  app.get(
    '/break-glass',
    {
      config: { access: 'breakglass.review' },
      schema: {
        tags: ['audit'],
        summary: 'The review queue of break-glass openings',
        querystring: z
          .object({
            pending: z
              .enum(['true', 'false'])
              .default('true')
              .transform((v) => v === 'true'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).max(100000).default(0),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(ZBreakGlass), total: z.number(), limit: z.number(), offset: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => listBreakGlass(db, auditContext(tenantId, requireActor(req), req), req.query),
  );

  app.post(
    '/break-glass/:id/review',
    {
      config: { access: 'breakglass.review' },
      schema: {
        tags: ['audit'],
        summary: 'Review a break-glass opening',
        params: z.object({ id: z.uuid() }).strict(),
        body: ZBreakGlassReview,
        querystring: ZNoQuery,
        response: { 200: ZBreakGlass, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return reviewBreakGlass(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
    },
  );
};
