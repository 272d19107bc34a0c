/** The referrals module's public entry: other modules and the platform import only from here. */
export { referralsRoutes } from './referrals.routes.js';
export { sweepExpiredReferrals } from './moves.js';
