import { describe, expect, it } from 'vitest';
import { MESSAGES, negotiateLanguage } from './messages.js';

describe('negotiateLanguage', () => {
  it('defaults to Greek', () => {
    expect(negotiateLanguage(undefined)).toBe('el');
    expect(negotiateLanguage('de-DE,fr;q=0.8')).toBe('el');
  });
  it('follows the quality order', () => {
    expect(negotiateLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLanguage('el;q=0.5, en;q=0.9')).toBe('en');
    expect(negotiateLanguage('en;q=0.4, el-GR')).toBe('el');
    expect(negotiateLanguage('fr, en;q=0.1')).toBe('en');
  });
});

describe('MESSAGES', () => {
  it('has a Greek and an English text for every key', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.el.length, key).toBeGreaterThan(0);
      expect(m.en.length, key).toBeGreaterThan(0);
      expect(m.el, key).not.toBe(m.en);
    }
  });
});
