/** The directory module's public entry: other modules and the platform import only from here. */
export { directoryRoutes } from './directory.routes.js';
export { readCatalogue, DEMO_CATALOGUE_DIR } from './catalogue.js';
export { loadCatalogue } from './directory.commands.js';
export { countDirectory } from './directory.repo.js';
