import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../../shared/access.js';
import { recordAudit } from '../audit/audit.js';
import { ProblemError } from '../http/problem.js';
import { auditContext, isFullySignedIn, type Actor } from './actor.js';
import { SESSION_COOKIE, resolveActor } from './session.service.js';
import { safeEqual } from './secrets.js';

/**
 * What a route requires: 'public' (anyone), 'signing-in' (a session whose second factor is still
 * pending is enough), 'signed-in' (fully signed in), or a permission.
 */
export type RouteAccess = 'public' | 'signing-in' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Every API route with what it requires, for the access-matrix test and the docs. */
export type RouteTable = { method: string; url: string; access: RouteAccess }[];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * Deny by default: every /api route must declare its access (the server refuses to start
 * otherwise); the hook resolves the actor, checks CSRF on cookie writes and the permission,
 * and audits each denial.
 */
export function installAccess(app: FastifyInstance, routeTable: RouteTable): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access; add config.access.`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    // Tell API clients what each route needs, in the OpenAPI document.
    if (route.schema) {
      const schema = route.schema as { security?: unknown; description?: string; 'x-access'?: string };
      schema.security = access === 'public' ? [] : [{ session: [] }, { bearer: [] }];
      schema['x-access'] = access;
      if (access !== 'public') {
        const need = access === 'signing-in' || access === 'signed-in' ? 'a signed-in user' : `the permission \`${access}\``;
        const note = `Requires ${need}.`;
        // GET and its HEAD twin share one schema object: add the note once.
        if (!schema.description?.endsWith(note))
          schema.description = `${schema.description ? `${schema.description} ` : ''}${note}`;
      }
    }
  });
  // Before validation: a caller who may not use a route learns nothing about its inputs.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    const { database, config, tenantId } = app.ctx;
    const credentials = { cookie: req.cookies[SESSION_COOKIE], bearer: bearer(req) };
    if (credentials.cookie || credentials.bearer) req.actor = await resolveActor(database.db, config, tenantId, credentials);
    if (access === 'public') return;
    const actor = req.actor;
    if (!actor) {
      const expired = credentials.cookie !== undefined || credentials.bearer !== undefined;
      throw new ProblemError(
        401,
        'problem.unauthorized.title',
        expired ? 'problem.session_expired.detail' : 'problem.unauthorized.detail',
      );
    }
    if (actor.via === 'session' && UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new ProblemError(403, 'problem.forbidden.title', 'problem.csrf.detail');
      }
    }
    if (access === 'signing-in') return;
    if (!isFullySignedIn(actor))
      throw new ProblemError(401, 'problem.unauthorized.title', 'problem.mfa_required.detail', { mfa: true });
    if (access === 'signed-in' || actor.permissions.has(access)) return;
    await database.db.transaction((tx) =>
      recordAudit(tx, auditContext(tenantId, actor, req), [
        {
          action: 'access.denied',
          outcome: 'denied',
          entityType: 'route',
          entityId: `${req.method} ${req.routeOptions.url ?? ''}`,
          reason: access,
        },
      ]),
    );
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.forbidden.detail');
  });
}

/** The actor of a request on a route that requires one. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new ProblemError(401, 'problem.unauthorized.title', 'problem.unauthorized.detail');
  return req.actor;
}
