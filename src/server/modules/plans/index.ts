/** The plans module's public entry: assessments, action plans with their tasks, and aid approvals. */
import type { FastifyPluginAsync } from 'fastify';
import { aidRoutes } from './aid.routes.js';
import { assessmentsRoutes } from './assessments.routes.js';
import { plansRoutes as planRoutes } from './plans.routes.js';

/** Every route of the module. */
export const plansRoutes: FastifyPluginAsync = async (app) => {
  await app.register(assessmentsRoutes);
  await app.register(planRoutes);
  await app.register(aidRoutes);
};
