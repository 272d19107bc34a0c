/** Versions of records as the API shows them: ETags out, If-Match in, 428 and 409 for writes. */
import { ProblemError } from './problem.js';

/** The ETag of a version of a record. */
export const etagOf = (version: number) => `"v${version}"`;

/** Parses an If-Match header ("v3", W/"v3" or 3) into a version. */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^(?:W\/)?"?v?(\d{1,9})"?$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}

/** The version an If-Match header names; 428 without one. */
export function requiredVersion(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === null) throw new ProblemError(428, 'problem.precondition_required.title', 'problem.if_match_required.detail');
  return version;
}

/** 409 with the current version, for a write based on an older one. */
export const stale = (version: number) =>
  new ProblemError(409, 'problem.conflict.title', 'problem.stale.detail', { currentVersion: etagOf(version) });
