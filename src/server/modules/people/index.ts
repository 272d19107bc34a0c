/** The people module's public entry: other modules and the platform import only from here. */
export { peopleRoutes } from './people.routes.js';
