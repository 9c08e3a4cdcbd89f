import { describe, expect, it } from 'vitest';
import { formatLongDate, LOCALE_LANGUAGES, localeFor } from '../../src/model/locale.js';
import { dashDateRanges, localizeDates } from '../../src/parse/dates.js';
import { parseResume } from '../../src/parse/index.js';

describe('locales', () => {
  it('cover at least the languages the format promises, each file complete', () => {
    for (const language of ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'zh', 'ja', 'ko'])
      expect(LOCALE_LANGUAGES).toContain(language);
    for (const language of LOCALE_LANGUAGES) {
      const locale = localeFor(language);
      expect(locale.months, language).toHaveLength(12);
      expect(new Set(locale.months).size, language).toBe(12);
      expect(
        Object.values(locale.labels).every((label) => label.trim() !== ''),
        language,
      ).toBe(true);
    }
  });

  it('keep the region of a tag for the page, and read the language file', () => {
    expect(localeFor('pt-BR')).toMatchObject({ tag: 'pt-BR', language: 'pt', labels: { present: 'atual' } });
  });

  it('without words for the language, print English ones with a warning naming the languages there are', () => {
    const parsed = parseResume(
      '---\nname: Ann\nlocale: sv\n---\n\n## Erfarenhet\n\n### Jobb | 2021-04 - present\n',
      'cv.md',
    );
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 3,
        column: 9,
        message: expect.stringMatching(/^mdcv has no words for `sv` yet.*; it has de, el, en/),
      }),
    ]);
    expect(parsed.resume!.settings.locale).toBe('sv');
    expect(parsed.resume!.sections[0]!.entries[0]!.aside?.plain).toBe('Apr 2021 \u2013 Present');
    expect(localeFor('sv-FI')).toMatchObject({ tag: 'sv-FI', language: 'en', labels: { present: 'Present' } });
  });

  it('are checked in the frontmatter to be a language tag', () => {
    const parsed = parseResume('---\nname: Ann\nlocale: not a tag\n---\n', 'cv.md');
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining('language tag') }),
    ]);
  });
});

describe('dates in the locale', () => {
  const dates = (text: string, tag: string) => localizeDates(dashDateRanges(text), localeFor(tag));

  it('print YYYY-MM with month names, and an open end as the word for present', () => {
    expect(dates('2022-04 - present', 'en')).toBe('Apr 2022 \u2013 Present');
    expect(dates('2019-01 - 2022-12', 'de')).toBe('Jan. 2019 \u2013 Dez. 2022');
    expect(dates('2022-04 - now', 'fr')).toBe('avr. 2022 \u2013 aujourd\u2019hui');
    expect(dates('2022-04 - present', 'zh')).toBe('2022年4月 \u2013 至今');
    expect(dates('2022-04 - present', 'ko')).toBe('2022년 4월 \u2013 현재');
  });

  it('leave every other date as written', () => {
    expect(dates('Sep 2025 - Present', 'de')).toBe('Sep 2025 \u2013 Present');
    expect(dates('2022-2025', 'de')).toBe('2022\u20132025');
    expect(dates('2022-04-01', 'de')).toBe('2022-04-01');
    expect(dates('2022-13', 'de')).toBe('2022-13');
  });
});

describe("a letter's date in full", () => {
  it('is written as the locale writes it, by the whole tag, for the day given in any time zone', () => {
    expect(formatLongDate(localeFor('en'), '2026-03-05')).toBe('March 5, 2026');
    expect(formatLongDate(localeFor('en-GB'), '2026-03-05')).toBe('5 March 2026');
    expect(formatLongDate(localeFor('de'), '2026-03-05')).toBe('5. März 2026');
    expect(formatLongDate(localeFor('ja'), '2026-03-05')).toBe('2026年3月5日');
  });

  it('falls back on the language for a tag BCP 47 refuses', () => {
    expect(formatLongDate(localeFor('de-12'), '2026-01-31')).toBe('31. Januar 2026');
  });
});
