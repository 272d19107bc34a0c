import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('follow the policy: 12 characters, not common, not the username', () => {
    expect(checkPasswordPolicy('short', 'maria')).toBe('too_short');
    expect(checkPasswordPolicy('ΑβγδεζηθικλΜ', 'maria')).toBeNull(); // twelve Greek letters count as twelve
    expect(checkPasswordPolicy('password1234', 'maria')).toBe('common');
    expect(checkPasswordPolicy('Thessaloniki2026', 'maria')).toBe('common');
    expect(checkPasswordPolicy('maria-long-password', 'maria')).toBe('contains_username');
    expect(checkPasswordPolicy('a quiet evening by the sea', 'maria')).toBeNull();
  });
});
