import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { benefitsRoutes } from './modules/benefits/index.js';
import { casesRoutes } from './modules/cases/index.js';
import { directoryRoutes } from './modules/directory/index.js';
import { peopleRoutes } from './modules/people/index.js';
import { plansRoutes } from './modules/plans/index.js';
import { referralsRoutes } from './modules/referrals/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authRoutes, breakGlassRoutes, installAccess, oidcRoutes, usersRoutes, type RouteTable } from './platform/auth/index.js';
import type { Database } from './platform/db/database.js';
import type { AppContext } from './platform/http/context.js';
import { healthRoutes } from './platform/http/health.js';
import { installMetrics } from './platform/http/metrics.js';
import { installProblemHandlers } from './platform/http/problem.js';
import { installWeb } from './platform/http/web.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Options for building the HTTP application. */
export interface AppOptions {
  config: Config;
  database: Database;
  tenantId: string;
  /** A pino destination stream (tests capture logs through it). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the Fastify application: plumbing, machine endpoints, API modules and the web entries. */
export async function buildApp({ config, database, tenantId, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: false, // genReqId reads x-request-id itself and refuses malformed ones
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Paths and query strings may carry personal data later (searches for people): log the
      // route pattern and the status, never the raw URL, headers or bodies.
      serializers: {
        req: (req: { method: string; routeOptions?: { url?: string }; url: string }) => ({
          method: req.method,
          route: req.routeOptions?.url ?? '(no route)',
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
  const routeTable: RouteTable = [];
  const ctx: AppContext = { config, database, tenantId, routeTable };
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  // JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'https:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.trustProxy,
  });
  const registry = installMetrics(app, database);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Merimna API',
        version: '1',
        description: 'Το API της Μέριμνας — the API of Merimna, the social-services system of the Municipality of Thessaloniki.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'directory', description: 'Organisations, structures and services (public reads)' },
        { name: 'auth', description: 'Sign-in, second factor, sessions' },
        { name: 'users', description: 'Roles and staff users' },
        { name: 'audit', description: 'The audit trail, for the data-protection officer' },
        { name: 'people', description: 'The registry of people: persons, identifiers, registrations' },
        { name: 'cases', description: 'Case files, their timelines, and the log of services delivered' },
        { name: 'assessments', description: 'Needs assessments of a case and their questionnaires' },
        { name: 'plans', description: 'Individual action plans, their reviews, and the overdue tasks' },
        { name: 'aid', description: 'Cash and in-kind aid: recommendation, approval, payment or handover' },
        { name: 'referrals', description: 'Closed-loop referrals between structures and to outside organisations' },
        { name: 'benefits', description: 'State-benefit applications filed on a person’s behalf, their checklists and renewals' },
        { name: 'documents', description: 'Documents attached to a case or a person: upload, download (audited), withdrawal' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'merimna_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from merimna tokens create' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);
  installAccess(app, ctx.routeTable);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(registry));
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(oidcRoutes, { prefix: '/api/v1' });
  await app.register(usersRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(breakGlassRoutes, { prefix: '/api/v1' });
  await app.register(directoryRoutes, { prefix: '/api/v1' });
  await app.register(peopleRoutes, { prefix: '/api/v1' });
  await app.register(casesRoutes, { prefix: '/api/v1' });
  await app.register(plansRoutes, { prefix: '/api/v1' });
  await app.register(referralsRoutes, { prefix: '/api/v1' });
  await app.register(benefitsRoutes, { prefix: '/api/v1' });
  await installWeb(app, config.webDir);
  return app;
}
