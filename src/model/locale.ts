import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { PACKAGE_ROOT } from '../package.js';

/**
 * Locales are data: `locales/<language>.yaml` holds the words the layout prints
 * by itself and the month names, so a new language is a new file, not code.
 */
export const LOCALES_DIR = path.join(PACKAGE_ROOT, 'locales');

const localeFileSchema = z.strictObject({
  labels: z.strictObject({
    /** The open end of a date range. */
    present: z.string(),
    /** After a section title that runs on from the previous page. */
    continued: z.string(),
    page: z.string(),
    /** The document's title, after the person's name. */
    resume: z.string(),
    /** A cover letter's line before the signature, unless the letter sets `closing:`. */
    closing: z.string(),
    /** A cover letter's title, after the person's name. */
    letter: z.string(),
  }),
  /** What the HTML page tells screen readers, never printed (so no part of choosing the engine). */
  accessible: z.strictObject({
    /** The photo's description: `{name}` is the person's name. */
    photo: z.string().includes('{name}'),
    /** The name of the summary's part of the page. */
    summary: z.string(),
  }),
  months: z.array(z.string()).length(12),
  /** How a `YYYY-MM` date prints: `{month}` and `{year}` are filled in. */
  date: z.string().includes('{year}'),
});

export interface Locale extends z.output<typeof localeFileSchema> {
  /** The tag as written (`pt-BR`), for the HTML `lang` attribute. */
  tag: string;
  /** The language of its words (`pt` for `pt-BR`; `en` for a language without a file), which names the locale file. */
  language: string;
}

/** The languages there is a locale file for. */
export const LOCALE_LANGUAGES: readonly string[] = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

export const DEFAULT_LOCALE = 'en';

const cache = new Map<string, Locale>();

/** Whether there is a locale file for the tag's language; without one, the words are English. */
export function hasWordsFor(tag: string): boolean {
  return LOCALE_LANGUAGES.includes(languageOf(tag));
}

/** The locale for a BCP 47 tag such as `de` or `zh-TW`: its language's words, or English ones when there is no file. */
export function localeFor(tag: string = DEFAULT_LOCALE): Locale {
  let locale = cache.get(tag);
  if (!locale) {
    const language = hasWordsFor(tag) ? languageOf(tag) : DEFAULT_LOCALE;
    const data = localeFileSchema.parse(parseYaml(readFileSync(localeFile(tag), 'utf8')));
    locale = { ...data, tag, language };
    cache.set(tag, locale);
  }
  return locale;
}

/** The file a locale's words come from. */
export function localeFile(tag: string = DEFAULT_LOCALE): string {
  return path.join(LOCALES_DIR, `${hasWordsFor(tag) ? languageOf(tag) : DEFAULT_LOCALE}.yaml`);
}

export function languageOf(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * A letter's date, `2026-03-05`, as the locale writes a date in full: `March 5, 2026`,
 * `5. März 2026`, `2026年3月5日` (the Unicode CLDR's long date, by the whole tag: en-GB
 * puts the day first). Computed for the day as given, whatever the time zone.
 */
export function formatLongDate(locale: Locale, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // A tag the frontmatter's pattern lets through but BCP 47 does not (`en-12`): its language's format.
  for (const tag of [locale.tag, locale.language]) {
    try {
      return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    } catch {
      continue;
    }
  }
  return iso;
}

/** `2022-04` in the locale's words: `Apr 2022`, `April 2022`, `2022年4月`... */
export function formatMonth(locale: Locale, year: string, month: number): string {
  return locale.date.replace('{year}', year).replace('{month}', locale.months[month - 1]!);
}
