import { formatMonth, type Locale } from '../model/locale.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:(?:${MONTH}\\s+)?\\d{4}(?:-\\d{2})?|\\d{1,2}/\\d{4}|present|now|today|current|ongoing)`;
const RANGE = new RegExp(`(?<![\\p{L}\\p{N}])(${DATE})(\\s*)--?(\\s*)(${DATE})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * A hyphen between two dates or years (`2022-2025`, `Sep 2025 - Present`)
 * becomes an en dash; everything else is left as written.
 */
export function dashDateRanges(text: string): string {
  return text.replace(
    RANGE,
    (_, from: string, before: string, after: string, to: string) => `${from}${before}\u2013${after}${to}`,
  );
}

const YEAR_MONTH = /(?<![\p{L}\p{N}])(\d{4})-(0[1-9]|1[0-2])(?![\p{L}\p{N}]|-\d)/gu;
/** An open end after a `YYYY-MM` start: the date is in machine form, so the word is the layout's to print. */
const OPEN_END =
  /(?<![\p{L}\p{N}])(\d{4}-(?:0[1-9]|1[0-2])\s*[\u2013-]\s*)(?:present|now|today|current|ongoing)(?![\p{L}\p{N}])/giu;

/**
 * Dates written `YYYY-MM` print in the locale's words (`2022-04` is `Apr 2022` in
 * English, `2022年4月` in Chinese), and an open end after one (`2022-04 - present`)
 * is the locale's word for present.
 */
export function localizeDates(text: string, locale: Locale): string {
  return text
    .replace(OPEN_END, (_, start: string) => `${start}${locale.labels.present}`)
    .replace(YEAR_MONTH, (_, year: string, month: string) => formatMonth(locale, year, Number(month)));
}

const NUMBERED = /(?<![\p{L}\p{N}])\d{4}-(\d{2})(?![\p{L}\p{N}]|-\d)/gu;
const RANGE_AFTER = new RegExp(`^\\s*[\u2013-]\\s*${DATE}(?![\\p{L}\\p{N}])`, 'iu');
const RANGE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])${DATE}\\s*[\u2013-]\\s*$`, 'iu');

/**
 * `YYYY-MM` dates whose month is not 01 to 12, where a range shows a month was
 * meant (`2022-13 - present`); alone, `2012-13` is a span of years and is left be.
 */
export function badMonths(text: string): { date: string }[] {
  return [...text.matchAll(NUMBERED)]
    .filter((m) => !(Number(m[1]) >= 1 && Number(m[1]) <= 12))
    .filter((m) => RANGE_AFTER.test(text.slice(m.index + m[0].length)) || RANGE_BEFORE.test(text.slice(0, m.index)))
    .map((m) => ({ date: m[0] }));
}
