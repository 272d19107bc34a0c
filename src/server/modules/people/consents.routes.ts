import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZConsent, ZConsentCreate } from '../../../shared/people/registry.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as consents from './consents.service.js';

const ZNoQuery = z.object({}).strict();
const ZNoBody = z.object({}).strict();
const ZPersonId = z.object({ id: z.uuid().describe('the person’s id') }).strict();
const ZConsentId = z.object({ id: z.uuid().describe('the consent’s id') }).strict();

/** Consents per purpose and recipient, with lawful basis, dates, expiry and withdrawal; never deleted. */
export const consentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/persons/:id/consents',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'A person’s consents',
        description: 'Newest first; the status (active, expired, withdrawn) is computed today. Every consent listed is audited.',
        params: ZPersonId,
        querystring: ZNoQuery,
        response: { 200: z.object({ items: z.array(ZConsent) }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await consents.consentsOfPerson(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/persons/:id/consents',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'Record a consent',
        description:
          'For a purpose and a recipient organisation (its slug; null = any within the municipality). ' +
          'Given today or before; an expiry on or after the day it was given.',
        params: ZPersonId,
        querystring: ZNoQuery,
        body: ZConsentCreate,
        response: { 201: ZConsent, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const consent = await consents.recordConsent(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.code(201).send(consent);
    },
  );

  app.post(
    '/consents/:id/withdraw',
    {
      config: { access: 'person.update' },
      schema: {
        tags: ['people'],
        summary: 'Withdraw a consent',
        description: 'From now on; the consent stays on record as withdrawn. 409 when it is withdrawn already.',
        params: ZConsentId,
        querystring: ZNoQuery,
        body: ZNoBody,
        response: { 200: ZConsent, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return consents.withdrawConsent(db, auditContext(tenantId, actor, req), actor, req.params.id);
    },
  );
};
