import { expect, test } from 'vitest';
import { badMonths, dashDateRanges } from '../../src/parse/dates.js';
import { parseResume } from '../../src/parse/index.js';

test.each([
  ['2022-2025', '2022–2025'],
  ['Sep 2025 - Present', 'Sep 2025 – Present'],
  ['Apr 2022 - Aug 2025', 'Apr 2022 – Aug 2025'],
  ['2019-03 - 2020-01', '2019-03 – 2020-01'],
  ['January 2020 -- now', 'January 2020 – now'],
  ['2021-03', '2021-03'],
  ['A-Tune', 'A-Tune'],
  ['pre-2020 work', 'pre-2020 work'],
  ['12345-2020', '12345-2020'],
])('%s → %s', (input, output) => {
  expect(dashDateRanges(input)).toBe(output);
});

test.each([
  ['2022-13 - present', ['2022-13']],
  ['2021-04 – 2022-00', ['2022-00']],
  ['Mar 2020 - 2021-14', ['2021-14']],
  ['2022-12 - present', []],
  // Alone, a span of years (an academic year), not a month.
  ['2012-13', []],
  ['Class of 2019-20', []],
])('badMonths(%j) finds %j', (text, dates) => {
  expect(badMonths(text).map((m) => m.date)).toEqual(dates);
});

test('a bad month in a range is an error at its line and column; a good one prints in the locale, `present` too', () => {
  const source =
    '---\nname: Ann\nlocale: de\n---\n\n## Experience\n\n### Job | 2022-13 - present\n\n### Uni | 2012-13\n\n### Other | 2021-04 - present\n';
  const { diagnostics } = parseResume(source, 'cv.md');
  expect(diagnostics).toEqual([
    expect.objectContaining({
      severity: 'error',
      line: 8,
      column: 11,
      message: '`2022-13` is not a month: the part after the year runs 01 to 12',
    }),
  ]);
  const fixed = parseResume(source.replace('2022-13', '2022-12'), 'cv.md');
  expect(fixed.diagnostics).toEqual([]);
  const asides = fixed.resume!.sections[0]!.entries.map((e) => e.aside?.plain);
  expect(asides).toEqual(['Dez. 2022 – heute', '2012-13', 'Apr. 2021 – heute']);
});
