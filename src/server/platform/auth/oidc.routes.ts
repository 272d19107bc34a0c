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
const ZNoQuery = z.object({}).strict();

/** Sign-in through the municipality's OpenID Connect provider, when configured. */
export const oidcRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, tenantId } = app.ctx;
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.auth.secureCookies, path: '/' };

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
    async (_req, reply) => {
      if (!config.oidc) throw notFound();
      const { stateId, redirectTo } = await startOidc(database.db, config, tenantId);
      return reply.setCookie(STATE_COOKIE, stateId, { ...cookie, maxAge: 600 }).redirect(redirectTo, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back',
        querystring: z
          .object({
            code: z.string().max(2000).optional(),
            state: z.string().max(500).optional(),
            iss: z.string().max(500).optional(),
            session_state: z.string().max(500).optional(),
            error: z.string().max(200).optional(),
            error_description: z.string().max(2000).optional(),
          })
          .strict(),
        response: problemResponses(400, 404),
      },
    },
    async (req, reply) => {
      if (!config.oidc) throw notFound();
      const old = req.cookies[SESSION_COOKIE];
      if (old) await repo.revokeSessions(database.db, tenantId, { id: sha256(old) });
      const result = await finishOidc(database.db, config, auditContext(tenantId, null, req), {
        stateId: req.cookies[STATE_COOKIE],
        currentUrl: new URL(req.url, config.publicUrl),
        userAgent: req.headers['user-agent'],
      });
      reply.clearCookie(STATE_COOKIE, { path: '/' });
      if (!result) return reply.redirect('/app/sign-in?error=oidc', 302);
      return reply.setCookie(SESSION_COOKIE, result.token, cookie).redirect('/app', 302);
    },
  );
};
