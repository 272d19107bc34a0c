import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPerson, ZPersonCreate, ZPersonPatch, ZPersonQuery, ZPersonSummary } from '../../../shared/people/person.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import { createPerson } from './intake.service.js';
import { consentsRoutes } from './consents.routes.js';
import { householdsRoutes } from './households.routes.js';
import * as people from './people.service.js';
import { registryRoutes } from './registry.routes.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid().describe('the person’s id') }).strict();
const ZIfMatch = z.object({ 'if-match': z.string().max(40).optional().describe('the ETag of the version read') }).loose();

/** The registry of people: every route is scoped to the caller's structures and audited. */
export const peopleRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/persons',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'Persons registered at the caller’s structures',
        description: 'Search by name in any script or spelling. Every person listed is recorded on the audit trail.',
        querystring: ZPersonQuery,
        response: {
          200: z.object({ items: z.array(ZPersonSummary), total: z.number(), limit: z.number(), offset: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return people.listPersons(db, auditContext(tenantId, actor, req), actor, req.query);
    },
  );

  app.post(
    '/persons',
    {
      config: { access: 'person.create' },
      schema: {
        tags: ['people'],
        summary: 'Register a new person at a structure',
        body: ZPersonCreate,
        querystring: ZNoQuery,
        response: { 201: ZPerson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { person, etag } = await createPerson(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).header('etag', etag).header('location', `/api/v1/persons/${person.id}`).send(person);
    },
  );

  app.get(
    '/persons/:id',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'One person',
        description:
          'A person outside the caller’s scope answers 404, as if it did not exist, unless opened by break-glass. ' +
          'Fields the caller is not cleared for are absent.',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: ZPerson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { person, etag } = await people.getPerson(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('etag', etag).header('cache-control', 'no-store').send(person);
    },
  );

  app.patch(
    '/persons/:id',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'Change a person’s record',
        description: 'Send the ETag of the version you read as If-Match; 409 when someone changed it in the meantime.',
        params: ZId,
        headers: ZIfMatch,
        body: ZPersonPatch,
        querystring: ZNoQuery,
        response: { 200: ZPerson, ...problemResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { person, etag } = await people.updatePerson(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.headers['if-match'],
        req.body,
      );
      return reply.header('etag', etag).send(person);
    },
  );

  await app.register(registryRoutes);
  await app.register(householdsRoutes);
  await app.register(consentsRoutes);
};
