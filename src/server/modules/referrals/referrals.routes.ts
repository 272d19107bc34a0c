import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZLink,
  ZLinkCreate,
  ZReferral,
  ZReferralCreate,
  ZReferralEvents,
  ZReferralPage,
  ZReferralPatch,
  ZReferralQuery,
  ZTransition,
} from '../../../shared/referrals/referral.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import { createLink, staffLetter } from './links.service.js';
import { linkRoutes } from './links.routes.js';
import * as referrals from './referrals.service.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid().describe('the referral’s id') }).strict();
const ZIfMatch = z.object({ 'if-match': z.string().max(40).optional().describe('the ETag of the version read') }).loose();
const ZLang = z.object({ lang: z.enum(['el', 'en']).default('el').describe('the letter’s language') }).strict();

/** Closed-loop referrals: the sender's outbox, the receiver's inbox, the moves of each side, links and letters. */
export const referralsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId, config } = app.ctx;
  const db = database.db;
  const days = config.referralExpiryDays;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/referrals',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Referrals to (inbox) or from (outbox) the caller’s structures',
        description:
          'Newest first, paged by cursor; both boxes when `box` is left out. Overdue referrals expire first. Every referral ' +
          'listed is recorded on the audit trail; each shows only the fields of the person its sender chose to share.',
        querystring: ZReferralQuery,
        response: { 200: ZReferralPage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await referrals.listReferrals(db, auditContext(tenantId, actor, req), actor, req.query);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/referrals',
    {
      config: { access: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary: 'Refer a person to another structure or to an outside organisation',
        description:
          'A draft, or sent at once with `send`. Sending needs the person’s consent for a referral to that recipient, or ' +
          '`consentOverride` with a reason from a holder of `referral.override_consent` (audited); 409 otherwise.',
        body: ZReferralCreate,
        querystring: ZNoQuery,
        response: { 201: ZReferral, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await referrals.createReferral(db, auditContext(tenantId, actor, req), actor, days, req.body);
      return reply.code(201).header('etag', etag).header('location', `/api/v1/referrals/${item.id}`).send(item);
    },
  );

  app.get(
    '/referrals/:id',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'One referral, as its sender or its receiver sees it',
        description: 'A referral neither from nor to the caller’s structures answers 404, as if it did not exist.',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: ZReferral, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { item, etag } = await referrals.getReferral(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('etag', etag).header('cache-control', 'no-store').send(item);
    },
  );

  app.patch(
    '/referrals/:id',
    {
      config: { access: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary: 'Change a draft referral',
        description:
          'Drafts only (409 once sent). Send the ETag read as If-Match (428 without); 409 with the current version when stale.',
        params: ZId,
        headers: ZIfMatch,
        body: ZReferralPatch,
        querystring: ZNoQuery,
        response: { 200: ZReferral, ...problemResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const { item, etag } = await referrals.updateDraft(db, audit, actor, req.params.id, req.headers['if-match'], req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.post(
    '/referrals/:id/transitions',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Move a referral to another status',
        description:
          'The sender sends and cancels (and may record the person’s decline); the receiver receives, accepts, declines, ' +
          'waitlists, starts the service and completes it (an outcome is required). 409 naming the allowed moves otherwise; ' +
          'If-Match required (428), 409 with the current version when stale. Each side’s move also needs ' +
          '`referral.create` (sender) or `referral.respond` (receiver) at its structure.',
        params: ZId,
        headers: ZIfMatch,
        body: ZTransition,
        querystring: ZNoQuery,
        response: { 200: ZReferral, ...problemResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const { item, etag } = await referrals.transition(db, audit, actor, days, req.params.id, req.headers['if-match'], req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  app.get(
    '/referrals/:id/events',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Every change of a referral, oldest first',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: ZReferralEvents, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await referrals.referralEvents(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/referrals/:id/external-link',
    {
      config: { access: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary: 'A secure, expiring link for the outside organisation a referral goes to',
        description:
          'The URL is shown once (only a hash of its token is kept); an earlier link of the referral stops working. For sent ' +
          'referrals to an organisation (409 otherwise), by the sending side.',
        params: ZId,
        body: ZLinkCreate,
        querystring: ZNoQuery,
        response: { 201: ZLink, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const audit = auditContext(tenantId, actor, req);
      const link = await createLink(db, audit, actor, config.publicUrl, req.params.id, req.body.days);
      return reply.code(201).header('cache-control', 'no-store').send(link);
    },
  );

  app.get(
    '/referrals/:id/letter.pdf',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'The referral letter (PDF, application/pdf) in Greek or English',
        description: 'With the shared fields of the person the reader may see; audited.',
        params: ZId,
        querystring: ZLang,
        response: { 200: z.unknown().describe('the letter, application/pdf'), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const pdf = await staffLetter(db, auditContext(tenantId, actor, req), actor, req.params.id, req.query.lang);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="referral-${req.params.id}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  await app.register(linkRoutes);
};
