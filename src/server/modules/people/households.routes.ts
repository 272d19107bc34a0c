import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZHousehold, ZHouseholdCreate, ZHouseholdJoin, ZHouseholdLeave } from '../../../shared/people/registry.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as households from './households.service.js';

const ZNoQuery = z.object({}).strict();
const ZPersonId = z.object({ id: z.uuid().describe('the person’s id') }).strict();
const ZHouseholdId = z.object({ id: z.uuid().describe('the household’s id') }).strict();
const ZMemberId = z
  .object({ id: z.uuid().describe('the household’s id'), personId: z.uuid().describe('the member’s person id') })
  .strict();

/** Households over time: who lives with whom, from when to when, in relation to the head. Nothing is deleted. */
export const householdsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/persons/:id/households',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'The households a person is or was a member of',
        description:
          'Each household with all its members, current first (head, spouse, children, other), then former. ' +
          'Members outside the caller’s scope are listed with names and birth date only. Every household listed is audited.',
        params: ZPersonId,
        querystring: ZNoQuery,
        response: { 200: z.object({ items: z.array(ZHousehold) }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await households.householdsOfPerson(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/households',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'Form a household from registered persons',
        description: 'Exactly one head; every member must be a person the caller may update, all in one compartment.',
        querystring: ZNoQuery,
        body: ZHouseholdCreate,
        response: { 201: ZHousehold, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const household = await households.createHousehold(db, auditContext(tenantId, actor, req), actor, req.body);
      return reply.code(201).send(household);
    },
  );

  app.post(
    '/households/:id/members',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'A person joins a household',
        description: 'From a date (today when left out). 409 when the person is a current member already or a second head.',
        params: ZHouseholdId,
        querystring: ZNoQuery,
        body: ZHouseholdJoin,
        response: { 200: ZHousehold, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return households.joinHousehold(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
    },
  );

  app.post(
    '/households/:id/members/:personId/leave',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'A member leaves a household',
        description: 'On a date (today when left out); the period stays on the household, dated.',
        params: ZMemberId,
        querystring: ZNoQuery,
        body: ZHouseholdLeave,
        response: { 200: ZHousehold, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return households.leaveHousehold(
        db,
        auditContext(tenantId, actor, req),
        actor,
        req.params.id,
        req.params.personId,
        req.body,
      );
    },
  );
};
