// Writes the demo registry: seeds/demo/persons/<structure>.csv from the synthetic generator
// (seed 2026, 400 persons, about a quarter registered at two or more structures), with a few women
// moved to the women's shelter so that its compartment has residents in the demo.
// Usage: npx tsx bench/people/demo-seed.ts
import fs from 'node:fs';
import path from 'node:path';
import { generatePopulation, type SyntheticRecord } from './generate.js';

const HEADER =
  'source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address';
const COLUMNS = HEADER.split(',').slice(1) as (keyof SyntheticRecord)[];
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const out = path.resolve(import.meta.dirname, '../../seeds/demo/persons');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const files = new Map<string, string[]>();
const sheltered = new Set<string>();
for (const r of generatePopulation({ persons: 400, seed: 2026 })) {
  // Every twentieth woman registered once is a shelter resident instead (the shelter keeps its own, separate records).
  let structure: string = r.structure;
  if (r.sex === 'F' && r.corruptions.length === 0 && Number(r.truthPersonId.replace(/\D/g, '')) % 20 === 0) {
    structure = 'womens-shelter';
    sheltered.add(r.truthPersonId);
  } else if (sheltered.has(r.truthPersonId)) continue;
  const lines = files.get(structure) ?? [HEADER];
  lines.push([r.sourceId, ...COLUMNS.map((c) => String(r[c] ?? ''))].map(quote).join(','));
  files.set(structure, lines);
}
for (const [structure, lines] of files) fs.writeFileSync(path.join(out, `${structure}.csv`), `${lines.join('\n')}\n`);
process.stdout.write(`${[...files].map(([s, l]) => `${s}: ${l.length - 1}`).join(', ')}\n`);
