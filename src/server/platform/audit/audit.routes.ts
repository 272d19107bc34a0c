import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditEvent, ZAuditQuery } from '../../../shared/auth.js';
import { auditContext } from '../auth/actor.js';
import { requireActor } from '../auth/access.js';
import { problemResponses } from '../http/problem.js';
import { readAlerts, searchAudit } from './audit.service.js';

/** The data-protection officer's view of the audit trail. */
export const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId, config } = app.ctx;
  const errors = problemResponses(400, 401, 403);

  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail',
        querystring: ZAuditQuery,
        response: {
          200: z.object({ items: z.array(ZAuditEvent), total: z.number(), limit: z.number(), offset: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => searchAudit(database.db, auditContext(tenantId, requireActor(req), req), req.query),
  );

  app.get(
    '/audit/alerts',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Users who read more than N distinct persons in the last hours',
        querystring: z
          .object({
            threshold: z.coerce.number().int().min(1).max(100000).optional(),
            hours: z.coerce.number().int().min(1).max(168).default(1),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(
              z.object({ userId: z.uuid(), username: z.string(), distinctPersons: z.number(), from: z.string(), to: z.string() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => readAlerts(database.db, tenantId, req.query.threshold ?? config.auditAlertThreshold, req.query.hours),
  );
};
