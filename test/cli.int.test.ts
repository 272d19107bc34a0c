import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The merimna command, run as a process against its own embedded database (or the test server's
// PostgreSQL, through DATABASE_URL, when the suite runs there).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function merimna(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/merimna.mjs', ...args], {
    env: { ...process.env, MERIMNA_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', MERIMNA_LOG_LEVEL: 'silent' },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the merimna command', () => {
  it('prints help for every command', () => {
    for (const cmd of [
      [],
      ['start'],
      ['db', 'migrate'],
      ['db', 'seed'],
      ['roles', 'list'],
      ['users', 'create'],
      ['tokens', 'create'],
      ['audit', 'verify'],
      ['import', 'persons'],
      ['match', 'scan'],
      ['match', 'report'],
    ]) {
      const r = merimna([...cmd, '--help']);
      expect(r.status, cmd.join(' ')).toBe(0);
      expect(r.stdout, cmd.join(' ')).toMatch(/Usage/);
    }
    expect(merimna(['frobnicate']).status).toBe(2);
  }, 120_000);

  it('migrates, seeds the demo, lists roles and users, creates a user and a token, verifies the audit chain', () => {
    expect(merimna(['db', 'migrate']).stdout).toMatch(/Applied|up to date/);
    const seeded = merimna(['db', 'seed', '--demo']);
    expect(seeded.stdout).toMatch(/\d+ structures, \d+ services; 27 demo users created/);
    const roles = merimna(['roles', 'list']).stdout;
    for (const key of [
      'frontdesk',
      'social_worker',
      'structure_staff',
      'structure_manager',
      'director',
      'dpo',
      'admin',
      'partner',
    ])
      expect(roles).toContain(key);

    const weak = merimna(
      [
        'users',
        'create',
        '--username',
        'cli.user',
        '--role',
        'structure_staff',
        '--structure',
        'social-laundry',
        '--password-stdin',
      ],
      'short\n',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/12 characters/);
    const created = merimna(
      [
        'users',
        'create',
        '--username',
        'cli.user',
        '--role',
        'structure_staff',
        '--structure',
        'social-laundry',
        '--name',
        'CLI User',
        '--password-stdin',
      ],
      'a long enough cli password\n',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(merimna(['users', 'list']).stdout).toMatch(/cli\.user\s+structure_staff@social-laundry/);

    const token = merimna(['tokens', 'create', '--user', 'cli.user', '--expires', '30d']);
    expect(token.status, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^mrm_[A-Za-z0-9_-]{40,}$/);
    expect(token.stderr).toMatch(/shown only once/);
    expect(merimna(['tokens', 'create', '--user', 'cli.user', '--expires', 'soon']).status).toBe(2);

    const verify = merimna(['audit', 'verify']);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/intact: \d+ rows/);
  }, 180_000); // nine processes, each starting the embedded database: slow on a busy 2-core machine

  it('imports a structure’s list: bad rows reported by line, duplicates linked, a re-run adds nothing; the report lists the pairs', () => {
    const csv = path.join(dataDir, 'laundry.csv');
    const header =
      'source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address';
    fs.writeFileSync(
      csv,
      [
        `\uFEFF${header}`,
        'L-1,Γιώργος,Παπαδόπουλος,Νικόλαος,,M,1985-08-15,GR,15088501232,,,,,6970000001,"Εγνατίας 1, Θεσσαλονίκη"',
        'L-2,Giorgos,Papadopoulos,Nikolaos,,M,1985-08-15,GR,15088501232,,,,,,',
        'L-3,Μαρία,Ιωάννου,,,F,1990-02-30,GR,,,,,,,',
        'L-4,,,,,F,1990-01-01,GR,,,,,,,',
        'L-5,Fatima,Haidari,Ali,,F,1992-01-01,AF,,,70000000001,,,,',
        'L-6,too,few,fields',
        'L-7,"Ahmad ""Jan""",Karimi,,,M,1980-05-05,AF,,,,,,,',
      ].join('\r\n'),
    );
    const first = merimna(['import', 'persons', csv, '--structure', 'social-laundry', '--batch-size', '2']);
    expect(first.status).toBe(1); // some rows were bad
    expect(first.stderr).toMatch(/line 4: invalid birth_date/);
    expect(first.stderr).toMatch(/line 5: given_name and family_name are both empty/);
    expect(first.stderr).toMatch(/line 7: 4 fields where the header has 15/);
    // No value of a row is ever printed: only lines and field names.
    expect(first.stderr).not.toMatch(/Ιωάννου|1990-02-30/);
    expect(first.stdout).toMatch(/Imported 4 of 7 rows \(0 already imported, 3 bad\).*1 linked as duplicates/);
    const again = merimna(['import', 'persons', csv, '--structure', 'social-laundry']);
    expect(again.stdout).toMatch(/Imported 0 of 7 rows \(4 already imported, 3 bad\)/);

    const out = path.join(dataDir, 'pairs.csv');
    const report = merimna(['match', 'report', '--out', out]);
    expect(report.status, report.stderr).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('source_id_a,source_id_b,score,decision');
    // The demo registry has duplicates of its own; of this file's rows, only L-1 and L-2 are one person.
    expect(lines.slice(1).filter((l) => l.includes('L-'))).toEqual([expect.stringMatching(/^L-1,L-2,[01]\.\d{6},auto$/)]);
    expect(lines.length).toBeGreaterThan(20);
    expect(merimna(['import', 'persons', csv, '--structure', 'no-such-place']).stderr).toMatch(/No structure no-such-place/);
    // The export is on the audit trail, and the chain is still intact.
    expect(merimna(['audit', 'verify']).stdout).toMatch(/intact/);
  }, 180_000);

  it('refuses demo data in production', () => {
    const r = spawnSync(process.execPath, ['bin/merimna.mjs', 'db', 'seed', '--demo'], {
      env: { ...process.env, MERIMNA_DATA_DIR: dataDir, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/refused/);
  }, 60_000);
});
