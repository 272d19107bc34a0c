/** The cases module's public entry: other modules and the platform import only from here. */
export { casesRoutes } from './cases.routes.js';
