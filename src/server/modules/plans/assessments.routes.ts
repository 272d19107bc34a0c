import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAssessment,
  ZAssessmentCreate,
  ZAssessmentForm,
  ZAssessmentFormQuery,
  ZAssessmentList,
  ZScoreHistory,
} from '../../../shared/plans/assessment.js';
import { auditContext, requireActor } from '../../platform/auth/index.js';
import { problemResponses } from '../../platform/http/problem.js';
import * as assessments from './assessments.service.js';

const ZNoQuery = z.object({}).strict();
const ZCaseId = z.object({ id: z.uuid().describe('the case’s id') }).strict();

/** Questionnaires and needs assessments of a case. */
export const assessmentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, tenantId } = app.ctx;
  const db = database.db;
  const errors = problemResponses(400, 401, 403, 404, 409, 422);

  app.get(
    '/assessment-forms',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['assessments'],
        summary: 'The needs-assessment questionnaires, per case type',
        description: 'The current version of each form: its questions, each about one domain, with a scale of scores.',
        querystring: ZAssessmentFormQuery,
        response: { 200: z.object({ items: z.array(ZAssessmentForm) }), ...errors },
      },
    },
    async (req) => assessments.listForms(db, tenantId, req.query.type),
  );

  app.get(
    '/cases/:id/assessments',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['assessments'],
        summary: 'The needs assessments of a case, oldest first',
        params: ZCaseId,
        querystring: ZNoQuery,
        response: { 200: ZAssessmentList, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const list = await assessments.listAssessments(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(list);
    },
  );

  app.post(
    '/cases/:id/assessments',
    {
      config: { access: 'case.update' },
      schema: {
        tags: ['assessments'],
        summary: 'Record a needs assessment of a case',
        description:
          'Every question of the form answered with a score of its scale (422 naming each problem); the scores per ' +
          'domain and the total are computed and kept, and the assessment is an entry on the timeline.',
        params: ZCaseId,
        body: ZAssessmentCreate,
        querystring: ZNoQuery,
        response: { 201: ZAssessment, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const item = await assessments.recordAssessment(db, auditContext(tenantId, actor, req), actor, req.params.id, req.body);
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/cases/:id/assessments/scores',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['assessments'],
        summary: 'How a case’s scores changed, per domain',
        description: 'Each domain’s score at each assessment, oldest first, and the change from the first to the latest.',
        params: ZCaseId,
        querystring: ZNoQuery,
        response: { 200: ZScoreHistory, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const history = await assessments.scoresOf(db, auditContext(tenantId, actor, req), actor, req.params.id);
      return reply.header('cache-control', 'no-store').send(history);
    },
  );
};
