/** Sign-in, sessions, access control and staff users: what the rest of the server uses. */
export { installAccess, requireActor, type RouteAccess, type RouteTable } from './access.js';
export { auditContext, type Actor } from './actor.js';
export { authRoutes } from './auth.routes.js';
export { usersRoutes } from './users.routes.js';
export { createUser, ensureDemoUsers, listUsers } from './users.service.js';
export { demoUsers, demoTotpSecret, DEMO_PASSWORD } from './demo-users.js';
export { createApiToken, parseDuration } from './session.service.js';
export { findUserByUsername } from './identity.repo.js';
export { breakGlassRoutes } from './break-glass.routes.js';
export { hasBreakGlass } from './break-glass.js';
export { omitUncleared, type FieldLabels } from './clearance.js';
export { oidcRoutes } from './oidc.routes.js';
export { structureScope, structuresWith, unsafeWithCompartments, withActor } from './scope.js';
