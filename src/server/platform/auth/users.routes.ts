import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_KEYS, ROLES, roleRequiresMfa } from '../../../shared/access.js';
import { ZUser, ZUserCreate } from '../../../shared/auth.js';
import { problemResponses } from '../http/problem.js';
import { auditContext } from './actor.js';
import { requireActor } from './access.js';
import * as users from './users.service.js';

const ZNoQuery = z.object({}).strict();
const ZRole = z.object({
  key: z.enum(ROLE_KEYS),
  permissions: z.array(z.string()),
  clearances: z.array(z.string()),
  requiresMfa: z.boolean(),
  structureBound: z.boolean(),
});

/** Roles and staff users, for administrators. */
export const usersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/roles',
    {
      config: { access: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'Roles with their permissions and clearances',
        querystring: ZNoQuery,
        response: { 200: z.object({ items: z.array(ZRole) }), ...errors },
      },
    },
    async () => ({
      items: ROLE_KEYS.map((key) => ({
        key,
        permissions: [...ROLES[key].permissions],
        clearances: [...ROLES[key].clearances],
        requiresMfa: roleRequiresMfa(key),
        structureBound: ROLES[key].structureBound,
      })),
    }),
  );

  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'Staff users',
        querystring: z
          .object({
            q: z.string().trim().min(1).max(64).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).max(100000).default(0),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(ZUser), total: z.number(), limit: z.number(), offset: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => users.listUsers(db, auditContext(tenantId, requireActor(req), req), req.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'One staff user',
        params: z.object({ id: z.uuid() }).strict(),
        querystring: ZNoQuery,
        response: { 200: ZUser, ...errors },
      },
    },
    async (req) => users.getUser(db, auditContext(tenantId, requireActor(req), req), req.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a staff user',
        body: ZUserCreate,
        querystring: ZNoQuery,
        response: { 201: ZUser, ...errors },
      },
    },
    async (req, reply) => {
      const user = await users.createUser(db, auditContext(tenantId, requireActor(req), req), req.body);
      return reply.code(201).send(user);
    },
  );
};
