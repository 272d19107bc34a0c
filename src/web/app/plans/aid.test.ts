import { describe, expect, it } from 'vitest';
import { euroToCents } from './AidForm.js';

describe('euroToCents', () => {
  it('reads euro as staff type them, with a comma or a point', () => {
    expect(euroToCents('150')).toBe(15000);
    expect(euroToCents('75,50')).toBe(7550);
    expect(euroToCents('75.5')).toBe(7550);
    expect(euroToCents(' 0,05 ')).toBe(5);
  });

  it('refuses what is not an amount above zero', () => {
    for (const text of ['', '0', '0,00', '-5', '12,345', 'δέκα', '1.000,00']) expect(euroToCents(text)).toBeNull();
  });
});
