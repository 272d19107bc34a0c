/** The benefits module's public entry: benefit applications filed on a person's behalf, and documents. */
import type { FastifyPluginAsync } from 'fastify';
import { benefitsRoutes as applicationRoutes } from './benefits.routes.js';
import { documentsRoutes } from './documents.routes.js';

/** Every route of the module. */
export const benefitsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(applicationRoutes);
  await app.register(documentsRoutes);
};
