import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZExternalAccept, ZExternalComplete, ZExternalDecline, ZExternalReferral } from '../../../shared/referrals/referral.js';
import { auditContext } from '../../platform/auth/index.js';
import { ProblemError, problemResponses } from '../../platform/http/problem.js';
import { actByLink, letterByLink, readByLink } from './links.service.js';
import { LinkRateLimiter } from './rate-limit.js';

// The token travels in the path, as in the link the organisation receives. The server's request
// log writes the route pattern (…/referral-links/:token), never the URL, and metrics label by
// pattern too, so the token reaches no log; Helmet's Referrer-Policy (no-referrer) keeps it from
// other sites.
const ZToken = z
  .object({
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .describe('the token of the link (256 bits, base64url)'),
  })
  .strict();
const ZNoQuery = z.object({}).strict();
const ZLang = z.object({ lang: z.enum(['el', 'en']).default('el').describe('the letter’s language') }).strict();

/** The routes an outside organisation uses with its link: no account, the token is the credential; rate-limited per address. */
export const linkRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId, config } = app.ctx;
  const db = database.db;
  const days = config.referralExpiryDays;
  const limiter = new LinkRateLimiter();
  const errors = problemResponses(400, 404, 409, 410, 422, 429);
  const onRequest = async (req: FastifyRequest) => limiter.check(req.ip);

  /** Counts a token that names no working link against the address, then answers as thrown. */
  async function counted<T>(req: FastifyRequest, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 404 || error.status === 410)) limiter.fail(req.ip);
      throw error;
    }
  }

  app.get(
    '/referral-links/:token',
    {
      config: { access: 'public' },
      onRequest,
      schema: {
        tags: ['referrals'],
        summary: 'An outside organisation reads the referral sent to it',
        description:
          'The minimum of the referral and only the fields of the person its sender shared. Opening a sent referral marks it ' +
          'received. 404 for an unknown token, 410 for an expired or replaced link; audited.',
        params: ZToken,
        querystring: ZNoQuery,
        response: { 200: ZExternalReferral, ...errors },
      },
    },
    async (req, reply) => {
      const body = await counted(req, () => readByLink(db, auditContext(tenantId, null, req), days, req.params.token));
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  const answer = (summary: string) => ({
    tags: ['referrals'],
    summary,
    description:
      'Through the link (the token is the credential); receives the referral first when needed; 409 when the move is not open.',
    params: ZToken,
    querystring: ZNoQuery,
    response: { 200: ZExternalReferral, ...errors },
  });

  app.post(
    '/referral-links/:token/accept',
    {
      config: { access: 'public' },
      onRequest,
      schema: { ...answer('The outside organisation accepts the referral'), body: ZExternalAccept },
    },
    async (req, reply) => {
      const audit = auditContext(tenantId, null, req);
      const out = await counted(req, () => actByLink(db, audit, days, req.params.token, { to: 'accepted', body: req.body }));
      return reply.header('cache-control', 'no-store').send(out);
    },
  );

  app.post(
    '/referral-links/:token/decline',
    {
      config: { access: 'public' },
      onRequest,
      schema: { ...answer('The outside organisation declines the referral, with a coded reason'), body: ZExternalDecline },
    },
    async (req, reply) => {
      const audit = auditContext(tenantId, null, req);
      const out = await counted(req, () => actByLink(db, audit, days, req.params.token, { to: 'declined', body: req.body }));
      return reply.header('cache-control', 'no-store').send(out);
    },
  );

  app.post(
    '/referral-links/:token/complete',
    {
      config: { access: 'public' },
      onRequest,
      schema: { ...answer('The outside organisation completes the referral with its outcome'), body: ZExternalComplete },
    },
    async (req, reply) => {
      const audit = auditContext(tenantId, null, req);
      const out = await counted(req, () => actByLink(db, audit, days, req.params.token, { to: 'completed', body: req.body }));
      return reply.header('cache-control', 'no-store').send(out);
    },
  );

  app.get(
    '/referral-links/:token/letter.pdf',
    {
      config: { access: 'public' },
      onRequest,
      schema: {
        tags: ['referrals'],
        summary: 'The referral letter (PDF) through the link, in Greek or English',
        params: ZToken,
        querystring: ZLang,
        response: { 200: z.unknown().describe('the letter, application/pdf'), ...errors },
      },
    },
    async (req, reply) => {
      const pdf = await counted(req, () => letterByLink(db, auditContext(tenantId, null, req), req.params.token, req.query.lang));
      return reply.type('application/pdf').header('cache-control', 'no-store').send(Buffer.from(pdf));
    },
  );
};
