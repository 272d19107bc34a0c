import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/core.js';
import { el } from '../i18n/portal/el.js';
import { en } from '../i18n/portal/en.js';
import { formatAddress, formatDays, formatEuros, formatOpeningHours, formatPeriod, telHref, weekdayRuns } from './format.js';

const greek = createTranslator('el', el, el).t;
const english = createTranslator('en', en, el).t;

describe('opening hours', () => {
  it('groups consecutive weekdays', () => {
    expect(weekdayRuns([5, 1, 2, 3, 3, 7])).toEqual([
      [1, 3],
      [5, 5],
      [7, 7],
    ]);
  });

  it('names the days in the current language', () => {
    expect(formatDays([1, 2, 3, 4, 5], greek, 'el')).toBe('Δευτέρα έως Παρασκευή');
    expect(formatDays([1, 2, 3, 4, 5], english, 'en')).toBe('Monday to Friday');
    expect(formatDays([1, 3, 6, 7], english, 'en')).toBe('Monday, Wednesday, Saturday, and Sunday');
  });

  it('writes one line per set of days', () => {
    expect(formatOpeningHours([{ days: [6], opens: '09:00', closes: '13:00' }], greek, 'el')).toEqual(['Σάββατο: 09:00–13:00']);
  });
});

describe('figures and contact details', () => {
  it('formats budgets in euros for the language', () => {
    expect(formatEuros(1775248, 'el').replace(/\s/g, ' ')).toBe('1.775.248 €');
    expect(formatEuros(1775248, 'en')).toBe('€1,775,248');
  });

  it('formats a funding period, either end possibly missing', () => {
    expect(formatPeriod('2019-10-01', '2021-12-31', 'en')?.replace(/\s/g, ' ')).toBe('October 2019 – December 2021');
    expect(formatPeriod(null, null, 'en')).toBeNull();
  });

  it('writes addresses and tel: links', () => {
    expect(formatAddress({ street: 'Μοναστηρίου 1', postcode: '54627', city: 'Θεσσαλονίκη' })).toBe(
      'Μοναστηρίου 1, 54627 Θεσσαλονίκη',
    );
    expect(telHref('+30 2310 123 456')).toBe('tel:+302310123456');
    expect(telHref('15900')).toBe('tel:15900');
  });
});
