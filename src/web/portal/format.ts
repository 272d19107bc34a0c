import type { TStructure } from '../../shared/directory.js';
import type { Translator } from '../i18n/core.js';
import type { PortalMessages } from '../i18n/portal/index.js';

type T = Translator<PortalMessages>['t'];
type OpeningHours = TStructure['openingHours'][number];
type Address = NonNullable<TStructure['address']>;
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const isWeekday = (day: number): day is Weekday => Number.isInteger(day) && day >= 1 && day <= 7;

/** Joins texts as the language does ("a, b and c"). */
export function formatList(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** Runs of consecutive ISO weekdays, e.g. [1,2,3,5] → [[1,3],[5,5]]. */
export function weekdayRuns(days: readonly number[]): [Weekday, Weekday][] {
  const sorted = [...new Set(days)].filter(isWeekday).sort((a, b) => a - b);
  const runs: [Weekday, Weekday][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** The days of a line of opening hours: "Monday to Friday", "Monday, Wednesday and Friday". */
export function formatDays(days: readonly number[], t: T, lang: string): string {
  const parts = weekdayRuns(days).flatMap(([from, to]): string[] => {
    if (from === to) return [t(`weekday.${from}`)];
    if (to === from + 1) return [t(`weekday.${from}`), t(`weekday.${to}`)];
    return [t('weekday.range', { from: t(`weekday.${from}`), to: t(`weekday.${to}`) })];
  });
  return formatList(parts, lang);
}

/** One line per set of days, e.g. "Monday to Friday: 08:00–15:00". */
export function formatOpeningHours(hours: readonly OpeningHours[], t: T, lang: string): string[] {
  return hours.map((line) =>
    t('structure.hoursLine', { days: formatDays(line.days, t, lang), opens: line.opens, closes: line.closes }),
  );
}

/** A budget in euros, without cents, in the conventions of the language. */
export function formatEuros(amount: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}

/** A count in the conventions of the language. */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}

/** A period between two ISO dates, either end possibly unknown ("Oct 2019 – Dec 2021"). */
export function formatPeriod(start: string | null, end: string | null, lang: string): string | null {
  const format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const from = start ? new Date(start) : null;
  const to = end ? new Date(end) : null;
  const valid = (date: Date | null): date is Date => date !== null && !Number.isNaN(date.getTime());
  if (valid(from) && valid(to)) return format.formatRange(from, to);
  if (valid(from)) return `${format.format(from)} –`;
  if (valid(to)) return `– ${format.format(to)}`;
  return null;
}

/** The name of a language in the current language ("αγγλικά", "English"); the code if the browser has none. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A postal address on one line. */
export function formatAddress(address: Address): string {
  const place = [address.postcode, address.city].filter(Boolean).join(' ');
  return [address.street, place].filter(Boolean).join(', ');
}

/** A tel: address, keeping only the digits and a leading plus. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** An OpenStreetMap address centred on a point. */
export function mapHref(location: { lat: number; lon: number }): string {
  const { lat, lon } = location;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
