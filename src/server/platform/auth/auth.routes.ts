import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZLoginRequest,
  ZMe,
  ZMfaRequest,
  ZPasswordChange,
  ZRecoveryCodes,
  ZStructureSwitch,
  ZTotpEnrolment,
} from '../../../shared/auth.js';
import { ProblemError, problemResponses } from '../http/problem.js';
import { auditContext } from './actor.js';
import { requireActor } from './access.js';
import * as auth from './auth.service.js';
import * as repo from './identity.repo.js';
import { SESSION_COOKIE, resolveActor } from './session.service.js';
import { sha256 } from './secrets.js';

const ZNoQuery = z.object({}).strict();
const ZEmpty = z.object({}).strict().optional();

/** Sign-in, second factor, sessions and one's own account. */
export const authRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 422, 429);

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.auth.secureCookies, path: '/' });

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a username and password',
        body: ZLoginRequest,
        querystring: ZNoQuery,
        response: { 200: ZMe, ...errors },
      },
    },
    async (req, reply) => {
      // A session presented at sign-in is ended: the new session gets a new id (no fixation).
      const old = req.cookies[SESSION_COOKIE];
      if (old) await repo.revokeSessions(db, tenantId, { id: sha256(old) });
      const { token } = await auth.login(db, config, auditContext(tenantId, null, req), {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, token);
      const actor = await resolveActor(db, config, tenantId, { cookie: token });
      if (!actor) throw new Error('a new session did not resolve');
      return auth.presentMe(db, tenantId, actor);
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { access: 'signing-in' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm sign-in with a TOTP or recovery code',
        body: ZMfaRequest,
        querystring: ZNoQuery,
        response: { 200: ZMe, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await auth.verifyMfa(db, auditContext(tenantId, actor, req), actor, req.body.code);
      return auth.presentMe(db, tenantId, { ...actor, mfaVerified: true });
    },
  );

  app.post(
    '/auth/totp/enrol',
    {
      config: { access: 'signing-in' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment (QR code)',
        body: ZEmpty,
        querystring: ZNoQuery,
        response: { 200: ZTotpEnrolment, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Re-enrolling while fully signed in is allowed; before the second factor only when none is set up.
      if (actor.totpEnabled && actor.mfaRequired && !actor.mfaVerified)
        throw new ProblemError(401, 'problem.unauthorized.title', 'problem.mfa_required.detail');
      return auth.startTotpEnrolment(db, tenantId, actor);
    },
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { access: 'signing-in' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment; returns recovery codes once',
        body: ZMfaRequest,
        querystring: ZNoQuery,
        response: { 200: ZRecoveryCodes, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const recoveryCodes = await auth.confirmTotpEnrolment(db, auditContext(tenantId, actor, req), actor, req.body.code);
      return { recoveryCodes };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signing-in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, memberships and permissions',
        querystring: ZNoQuery,
        response: { 200: ZMe, ...errors },
      },
    },
    async (req) => auth.presentMe(db, tenantId, requireActor(req)),
  );

  for (const [url, everywhere] of [
    ['/auth/logout', false],
    ['/auth/logout-everywhere', true],
  ] as const) {
    app.post(
      url,
      {
        config: { access: everywhere ? 'signed-in' : 'signing-in' },
        schema: {
          tags: ['auth'],
          summary: everywhere ? 'Sign out of every session' : 'Sign out',
          body: ZEmpty,
          querystring: ZNoQuery,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await auth.logout(db, auditContext(tenantId, actor, req), actor, everywhere);
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
      },
    );
  }

  app.post(
    '/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s password',
        body: ZPasswordChange,
        querystring: ZNoQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await auth.changePassword(db, auditContext(tenantId, actor, req), actor, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/auth/structure',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Choose the structure one works at now',
        body: ZStructureSwitch,
        querystring: ZNoQuery,
        response: { 200: ZMe, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await auth.switchStructure(db, actor, req.body.structureId);
      const updated = await resolveActor(db, config, tenantId, { cookie: req.cookies[SESSION_COOKIE] });
      return auth.presentMe(db, tenantId, updated ?? actor);
    },
  );
};
