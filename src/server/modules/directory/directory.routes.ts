import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDirectoryFilters, ZOrganisation, ZPage, ZService, ZStructure, ZStructureSummary } from '../../../shared/directory.js';
import { ZCatalogueOrganisation, ZCatalogueStructure } from './catalogue.schema.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { adminSaveOrganisation, adminSaveStructure } from './directory.admin.js';
import * as service from './directory.service.js';

const ZNoQuery = z.object({}).strict();
const ZIdOrSlug = z.object({ id: z.string().min(1).max(80).describe('the UUID or the slug') }).strict();
const ZOrgQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('text search'),
    limit: z.coerce.number().int().min(1).max(200).default(100),
    offset: z.coerce.number().int().min(0).max(100000).default(0),
  })
  .strict();
const ZCreated = z.object({ id: z.uuid() });
const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }).loose();
const errors = { 400: problem, 404: problem };

/** The directory API: public reads, and writes for administrators behind a configuration flag. */
export const directoryRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;

  app.get(
    '/structures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'List structures',
        description: 'Structures (δομές) of the municipality and its partners, searchable and filterable. Public.',
        querystring: ZDirectoryFilters,
        response: { 200: ZPage(ZStructureSummary), ...errors },
      },
    },
    async (req) => service.listStructures(db, tenantId, req.query),
  );

  app.get(
    '/structures/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'One structure with its services',
        params: ZIdOrSlug,
        querystring: ZNoQuery,
        response: { 200: ZStructure, ...errors },
      },
    },
    async (req) => service.getStructure(db, tenantId, req.params.id),
  );

  app.get(
    '/services',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'List services',
        description: 'Services offered by the structures, searchable and filterable. Public.',
        querystring: ZDirectoryFilters,
        response: { 200: ZPage(ZService), ...errors },
      },
    },
    async (req) => service.listServices(db, tenantId, req.query),
  );

  app.get(
    '/organisations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'List organisations',
        querystring: ZOrgQuery,
        response: { 200: ZPage(ZOrganisation), ...errors },
      },
    },
    async (req) => service.listOrganisations(db, tenantId, req.query),
  );

  app.get(
    '/organisations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory'],
        summary: 'One organisation',
        params: ZIdOrSlug,
        querystring: ZNoQuery,
        response: { 200: ZOrganisation, ...errors },
      },
    },
    async (req) => service.getOrganisation(db, tenantId, req.params.id),
  );

  // Writes need the directory.write permission (administrators).

  const writeErrors = { ...errors, 409: problem, 422: problem };
  app.post(
    '/organisations',
    {
      config: { access: 'directory.write' },
      schema: {
        tags: ['directory admin'],
        summary: 'Create or update an organisation by slug',
        body: ZCatalogueOrganisation,
        querystring: ZNoQuery,
        response: { 201: ZCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const id = await adminSaveOrganisation(db, auditContext(tenantId, requireActor(req), req), req.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/structures',
    {
      config: { access: 'directory.write' },
      schema: {
        tags: ['directory admin'],
        summary: 'Create a structure with its services',
        body: ZCatalogueStructure,
        querystring: ZNoQuery,
        response: { 201: ZCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const id = await adminSaveStructure(db, auditContext(tenantId, requireActor(req), req), req.body, 'create');
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/structures/:id',
    {
      config: { access: 'directory.write' },
      schema: {
        tags: ['directory admin'],
        summary: 'Replace a structure and its services (by slug)',
        params: ZIdOrSlug,
        body: ZCatalogueStructure,
        querystring: ZNoQuery,
        response: { 200: ZStructure, ...writeErrors },
      },
    },
    async (req) => {
      const current = await service.getStructure(db, tenantId, req.params.id);
      const body = { ...req.body, slug: current.slug };
      await adminSaveStructure(db, auditContext(tenantId, requireActor(req), req), body, 'upsert');
      return service.getStructure(db, tenantId, current.slug);
    },
  );
};
