import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-shutdown-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the server process', () => {
  it('finishes requests in flight on SIGTERM, turns late ones away with 503, exits 0, and logs JSON without query strings', async () => {
    const child = spawn(process.execPath, ['bin/merimna.mjs', 'start'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        MERIMNA_DATA_DIR: dataDir,
        MERIMNA_WEB_DIR: path.join(dataDir, 'no-web'),
        MERIMNA_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in 60 s: ${stderr}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const ready = stdout
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { msg?: string; url?: string })
          .find((l) => l.msg === 'Merimna is ready');
        if (ready?.url) {
          clearTimeout(timer);
          resolve(ready.url);
        }
      });
    });

    let firstAnswer: () => void = () => undefined;
    const answeredOnce = new Promise<void>((r) => (firstAnswer = r));
    const requests = Array.from({ length: 60 }, (_, i) =>
      fetch(`${url}/api/v1/structures?q=${i % 2 ? 'secretname' : 'ypnotirio'}&limit=200`).then(
        (r) => {
          firstAnswer();
          return r.status;
        },
        () => 'refused' as const,
      ),
    );
    // The signal comes once the server has answered one request, with the others in flight.
    await answeredOnce;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const statuses = await Promise.all(requests);
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);

    expect(code, stderr).toBe(0);
    const answered = statuses.filter((s) => s !== 'refused');
    expect(answered.length, `statuses: ${statuses.join(',')}`).toBeGreaterThan(0);
    // Requests in flight finish with 200; ones that arrive on a kept-alive connection after the
    // signal are turned away with 503 (Fastify's return503OnClosing) so a proxy retries them.
    expect(
      answered.filter((s) => s !== 200 && s !== 503),
      `statuses: ${statuses.join(',')}`,
    ).toEqual([]);
    expect(answered.filter((s) => s === 200).length).toBeGreaterThan(0);
    const lines = stdout.split('\n').filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(lines.some((l) => l.includes('"requestId"'))).toBe(true);
    expect(stdout + stderr).not.toContain('secretname');
  }, 90_000);
});
