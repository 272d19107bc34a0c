import { describe, expect, it } from 'vitest';
import { searchKey, searchTokens } from './search-key.js';

describe('searchKey', () => {
  it('gives Greek with and without accents and its transliteration one key', () => {
    const key = searchKey('Υπνωτήριο');
    expect(searchKey('υπνωτηριο')).toBe(key);
    expect(searchKey('ΥΠΝΩΤΗΡΙΟ')).toBe(key);
    expect(searchKey('ypnotirio')).toBe(key);
    expect(searchKey('ipnwthrio')).not.toBe(''); // greeklish with h for eta still yields a key
  });

  it('folds everyday greeklish spellings', () => {
    expect(searchKey('Αμπελόκηποι')).toBe(searchKey('Ampelokipoi'));
    expect(searchKey('Κοινωνικό Πλυντήριο')).toBe(searchKey('koinoniko plyntirio'));
    expect(searchKey('Φαρμακείο')).toBe(searchKey('farmakeio'));
    expect(searchKey('Βαρδάρης')).toBe(searchKey('Vardaris'));
  });

  it('keeps unrelated words apart', () => {
    expect(searchKey('πλυντήριο')).not.toBe(searchKey('υπνωτήριο'));
  });

  it('splits a query into at most eight tokens and drops punctuation', () => {
    expect(searchTokens('  κοινωνικό, πλυντήριο!  ')).toEqual([searchKey('κοινωνικό'), searchKey('πλυντήριο')]);
    expect(searchTokens('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTokens('%%%')).toEqual([]);
  });
});
