import { expect, test } from 'vitest';
import { dashDateRanges } from '../../src/parse/dates.js';

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
