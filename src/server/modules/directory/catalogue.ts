import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZCatalogue, type TCatalogue } from './catalogue.schema.js';

/** The demo catalogue folder at the root of the repository. */
export const DEMO_CATALOGUE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../seeds/demo');

/** Reads and validates the catalogue files; throws listing every problem with its file and path. */
export function readCatalogue(dir: string = DEMO_CATALOGUE_DIR): TCatalogue {
  const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  const parsed = ZCatalogue.safeParse({
    organisations: read('organisations'),
    programmes: read('programmes'),
    structures: read('structures'),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 30).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The catalogue in ${dir} is not valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  const orgs = new Set(c.organisations.map((o) => o.slug));
  const codes = new Set(c.programmes.map((p) => p.code));
  const slugs = new Set<string>();
  const serviceSlugs = new Set<string>();
  for (const s of c.structures) {
    if (!orgs.has(s.organisation)) problems.push(`structure ${s.slug}: unknown organisation ${s.organisation}`);
    if (s.fundingProgramme !== null && !codes.has(s.fundingProgramme))
      problems.push(`structure ${s.slug}: unknown programme ${s.fundingProgramme}`);
    if (slugs.has(s.slug)) problems.push(`structure ${s.slug}: duplicate slug`);
    slugs.add(s.slug);
    for (const v of s.services) {
      if (serviceSlugs.has(v.slug)) problems.push(`service ${v.slug}: duplicate slug`);
      serviceSlugs.add(v.slug);
    }
  }
  if (problems.length) throw new Error(`The catalogue in ${dir} is not consistent:\n${problems.join('\n')}`);
  return c;
}
