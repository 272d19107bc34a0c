/** The people module's public entry: other modules and the platform import only from here. */
export { peopleRoutes } from './people.routes.js';
export { importPersons, IMPORT_HEADER, type ImportSummary } from './import/persons-import.js';
export { matchReport } from './matching/report.js';
export { scanRegistry } from './reviews.service.js';
export { householdForActor, personForActor, type FoundPerson } from './people.access.js';
export { activeConsentId } from './consents.service.js';
