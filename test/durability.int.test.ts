import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/platform/db/database.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-durable-'));
  dirs.push(dir);
  return dir;
}

describe('the embedded database', () => {
  it('runs with fsync and synchronous commit on', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: tempDir() });
    try {
      const setting = async (name: string) => (await database.query<Record<string, string>>(`SHOW ${name}`))[0]?.[name];
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      expect(await setting('wal_sync_method')).toBe('fsync');
    } finally {
      await database.close();
    }
  }, 60_000);

  it('keeps every acknowledged write after kill -9 of the writer', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/setup/durability-writer.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer too slow; stderr: ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(Number(line));
        if (acknowledged.length >= 300) {
          clearTimeout(timer);
          child.kill('SIGKILL'); // mid-load: the writer is between inserts or inside one
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (acknowledged.length < 300) reject(new Error(`writer exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');

    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await reopened.query<{ id: number }>('SELECT id FROM durability_probe ORDER BY id');
      const present = new Set(rows.map((r) => r.id));
      const missing = acknowledged.filter((id) => !present.has(id));
      expect(missing).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
