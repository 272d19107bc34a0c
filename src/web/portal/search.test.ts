import { describe, expect, it } from 'vitest';
import { parseSearch, searchQueryString, structureApiUrl, structuresApiUrl } from './search.js';

describe('search in the address bar', () => {
  it('reads q, community and need', () => {
    expect(parseSearch('?q=%CE%B9%CE%B1%CF%84%CF%81%CE%B5%CE%AF%CE%BF&community=2&need=health')).toEqual({
      q: 'ιατρείο',
      community: 2,
      need: 'health',
    });
  });

  it('drops values the API would reject', () => {
    expect(parseSearch('?q=%20%20&community=9&need=unknown&extra=1')).toEqual({ q: '', community: null, need: null });
    expect(parseSearch('?community=1.5').community).toBeNull();
    expect(parseSearch(`?q=${'a'.repeat(150)}`).q).toHaveLength(100);
  });

  it('round-trips through the query string', () => {
    const search = { q: 'στέγη & φαγητό', community: 4, need: 'food' } as const;
    expect(parseSearch(searchQueryString(search))).toEqual(search);
  });

  it('sends only non-empty parameters to the API', () => {
    expect(structuresApiUrl({ q: ' ', community: null, need: null })).toBe('/api/v1/structures');
    expect(structuresApiUrl({ q: 'x', community: 3, need: null })).toBe('/api/v1/structures?q=x&community=3');
    expect(searchQueryString({ q: '', community: null, need: null })).toBe('');
  });

  it('escapes slugs in the structure address', () => {
    expect(structureApiUrl('a/b')).toBe('/api/v1/structures/a%2Fb');
  });
});
