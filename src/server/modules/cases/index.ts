/** The cases module's public entry: other modules and the platform import only from here. */
export { casesRoutes } from './cases.routes.js';
export { Refusal, actAudited, caseForActor, caseRefused, invalidField } from './cases.access.js';
export { insertEntries, type NewEntry } from './timeline.repo.js';
export { decodeCursor, pageOf, type Position } from './cursor.js';
