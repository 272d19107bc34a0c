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

  it('refuses demo data in production', () => {
    const r = spawnSync(process.execPath, ['bin/merimna.mjs', 'db', 'seed', '--demo'], {
      env: { ...process.env, MERIMNA_DATA_DIR: dataDir, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/refused/);
  }, 60_000);
});
