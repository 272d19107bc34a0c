import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, problemResponses } from '../http/problem.js';
import { auditContext } from './actor.js';
import * as repo from './identity.repo.js';
import { finishOidc, startOidc } from './oidc.js';
import { SESSION_COOKIE } from './session.service.js';
import { sha256 } from './secrets.js';

const STATE_COOKIE = 'merimna_oidc';
const FAILED = '/app/sign-in?error=oidc';
const ZNoQuery = z.object({}).strict();

/** What the identity provider may send back to the callback (RFC 6749 §4.1.2, RFC 9207). */
const ZCallbackQuery = z
  .object({
    code: z.string().max(2000).optional().describe('the authorization code'),
    state: z.string().max(500).optional().describe('the state Merimna sent'),
    iss: z.string().max(500).optional().describe('the issuer (RFC 9207)'),
    session_state: z.string().max(500).optional().describe('the provider’s session state'),
    error: z.string().max(200).optional().describe('an error code such as access_denied'),
    error_description: z.string().max(2000).optional().describe('the provider’s description of the error (not shown)'),
  })
  .strict();

/** Sign-in through the municipality's OpenID Connect provider, when configured. */
export const oidcRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, tenantId } = app.ctx;
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.auth.secureCookies, path: '/' };
  // The state cookie goes only to these routes (under the public address's path, behind a proxy too).
  const statePath = `${new URL(config.publicUrl).pathname.replace(/\/$/, '')}/api/v1/auth/oidc`;

  app.get(
    '/auth/oidc',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether sign-in through the identity provider is offered',
        querystring: ZNoQuery,
        response: { 200: z.object({ enabled: z.boolean() }) },
      },
    },
    async () => ({ enabled: config.oidc !== null }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Start sign-in at the identity provider (redirect)',
        querystring: ZNoQuery,
        response: problemResponses(404),
      },
    },
    async (req, reply) => {
      if (!config.oidc) throw notFound();
      let started: Awaited<ReturnType<typeof startOidc>>;
      try {
        started = await startOidc(database.db, config, tenantId);
      } catch (err) {
        // The provider is down or misconfigured: back to the sign-in page, not an error document.
        req.log.error({ err }, 'OpenID Connect provider discovery failed');
        return reply.redirect(FAILED, 302);
      }
      return reply
        .setCookie(STATE_COOKIE, started.stateId, { ...cookie, path: statePath, maxAge: 600 })
        .redirect(started.redirectTo, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back',
        querystring: ZCallbackQuery,
        response: problemResponses(400, 404),
      },
    },
    async (req, reply) => {
      if (!config.oidc) throw notFound();
      // A session presented at sign-in is ended: the new session gets a new id (no fixation).
      const old = req.cookies[SESSION_COOKIE];
      if (old) await repo.revokeSessions(database.db, tenantId, { id: sha256(old) });
      const result = await finishOidc(database.db, config, auditContext(tenantId, null, req), {
        stateId: req.cookies[STATE_COOKIE],
        query: new URLSearchParams(Object.entries(req.query).filter((e): e is [string, string] => e[1] !== undefined)),
        userAgent: req.headers['user-agent'],
      });
      reply.clearCookie(STATE_COOKIE, { path: statePath });
      if (!result) return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect(FAILED, 302);
      return reply.setCookie(SESSION_COOKIE, result.token, cookie).redirect('/app', 302);
    },
  );
};
