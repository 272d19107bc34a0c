import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data on port 3000, in demo mode', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.database.kind === 'pglite' && c.database.dataDir.endsWith('/data')).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.auth.sessionIdleMs).toBe(30 * 60_000);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost/m', MERIMNA_DB_POOL_SIZE: '4' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@localhost/m', poolSize: 4 });
  });

  it('never runs demo mode in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', MERIMNA_DEMO: 'true' }).demo).toBe(false);
  });

  it('lists every invalid setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
});
