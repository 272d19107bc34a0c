import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPerson } from '../../../shared/people/person.js';
import {
  ZLinkEvent,
  ZMatchDraft,
  ZMatchResult,
  ZMatchReview,
  ZMergePreview,
  ZMergeRequest,
  ZReviewDecision,
  ZUnmergeRequest,
} from '../../../shared/people/registry.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import { matchDraft } from './match.service.js';
import { mergePersons, mergePreview, personLinks, unmergePersons } from './merge.service.js';
import { decideReview, listReviews, scanRegistry } from './reviews.service.js';

const ZNoQuery = z.object({}).strict();
const ZId = z.object({ id: z.uuid() }).strict();

/** Search before create, merge and unmerge, and the duplicates review queue. */
export const registryRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);
  const ctx = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    return { actor, audit: auditContext(tenantId, actor, req) };
  };

  app.post(
    '/persons/match',
    {
      config: { access: 'person.create' },
      schema: {
        tags: ['people'],
        summary: 'Candidate matches for a person being registered',
        description:
          'The draft travels in the body, never in the URL (it is personal data). Candidates come from the structures of the ' +
          'caller’s organisation, in the caller’s compartment; each one shown is recorded on the audit trail.',
        body: ZMatchDraft,
        querystring: ZNoQuery,
        response: { 200: ZMatchResult, ...errors },
      },
    },
    async (req) => {
      const { actor, audit } = ctx(req);
      return matchDraft(db, audit, actor, req.body);
    },
  );

  app.post(
    '/persons/:id/merge-preview',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'What merging another person into this one would do, field by field',
        params: ZId,
        body: z.object({ other: z.uuid() }).strict(),
        querystring: ZNoQuery,
        response: { 200: ZMergePreview, ...errors },
      },
    },
    async (req) => {
      const { actor, audit } = ctx(req);
      return mergePreview(db, audit, actor, req.params.id, req.body.other);
    },
  );

  app.post(
    '/persons/:id/merge',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'Merge another person into this one',
        params: ZId,
        body: ZMergeRequest,
        querystring: ZNoQuery,
        response: { 200: ZPerson, ...errors },
      },
    },
    async (req, reply) => {
      const { actor, audit } = ctx(req);
      const { person, etag } = await mergePersons(db, audit, actor, req.params.id, req.body);
      return reply.header('etag', etag).send(person);
    },
  );

  app.post(
    '/persons/:id/unmerge',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'Undo a merge: both persons come back as they were',
        params: ZId,
        body: ZUnmergeRequest,
        querystring: ZNoQuery,
        response: { 200: ZPerson, ...errors },
      },
    },
    async (req, reply) => {
      const { actor, audit } = ctx(req);
      const { person, etag } = await unmergePersons(db, audit, actor, req.params.id, req.body);
      return reply.header('etag', etag).send(person);
    },
  );

  app.get(
    '/persons/:id/links',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'The link log of a person: merges, unmerges, cannot-links',
        params: ZId,
        querystring: ZNoQuery,
        response: { 200: z.object({ items: z.array(ZLinkEvent) }), ...errors },
      },
    },
    async (req) => {
      const { actor, audit } = ctx(req);
      return personLinks(db, audit, actor, req.params.id);
    },
  );

  app.get(
    '/match-reviews',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'The duplicates review queue',
        querystring: z
          .object({
            status: z.enum(['open', 'linked', 'rejected', 'cannot_link']).default('open'),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            offset: z.coerce.number().int().min(0).max(100000).default(0),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(ZMatchReview), total: z.number(), limit: z.number(), offset: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { actor, audit } = ctx(req);
      return listReviews(db, audit, actor, req.query);
    },
  );

  app.post(
    '/match-reviews/:id/decision',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'Decide a pair: the same person, different people, or never to be linked',
        params: ZId,
        body: ZReviewDecision,
        querystring: ZNoQuery,
        response: { 200: ZMatchReview, ...errors },
      },
    },
    async (req) => {
      const { actor, audit } = ctx(req);
      return decideReview(db, audit, actor, req.params.id, req.body);
    },
  );

  app.post(
    '/match-reviews/scan',
    {
      config: { access: 'person.merge' },
      schema: {
        tags: ['people'],
        summary: 'Scan the registry for duplicates now (the batch job)',
        body: z.object({}).strict(),
        querystring: ZNoQuery,
        response: { 200: z.object({ compared: z.number(), autoLinked: z.number(), queued: z.number() }), ...errors },
      },
    },
    async (req) => {
      const { audit } = ctx(req);
      return scanRegistry(db, audit);
    },
  );
};
