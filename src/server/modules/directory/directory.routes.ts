import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDirectoryFilters, ZOrganisation, ZPage, ZService, ZStructure, ZStructureSummary } from '../../../shared/directory.js';
import { ZCatalogueOrganisation, ZCatalogueStructure } from './catalogue.schema.js';
import { saveOrganisation, saveStructure } from './directory.commands.js';
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
  const { database, tenantId, config } = app.ctx;
  const db = database.db;

  app.get(
    '/structures',
    {
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

  if (!config.directoryWriteApi) return;
  // Writes are open only when MERIMNA_DIRECTORY_WRITE_API=true until sign-in lands (issue 3).

  const writeErrors = { ...errors, 409: problem, 422: problem };
  app.post(
    '/organisations',
    {
      schema: {
        tags: ['directory admin'],
        summary: 'Create or update an organisation by slug',
        body: ZCatalogueOrganisation,
        querystring: ZNoQuery,
        response: { 201: ZCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => saveOrganisation(tx, tenantId, req.body));
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/structures',
    {
      schema: {
        tags: ['directory admin'],
        summary: 'Create a structure with its services',
        body: ZCatalogueStructure,
        querystring: ZNoQuery,
        response: { 201: ZCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => saveStructure(tx, tenantId, req.body, 'create'));
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/structures/:id',
    {
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
      await db.transaction((tx) => saveStructure(tx, tenantId, body, 'upsert'));
      return service.getStructure(db, tenantId, current.slug);
    },
  );
};
