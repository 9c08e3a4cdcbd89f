import { describe, expect, it } from 'vitest';
import { isoToText, rangeToText, textToIso, textToRange } from '../../src/model/dates.js';

describe('JSON Resume dates', () => {
  it('write partial dates as a resume does, and read them back', () => {
    for (const [iso, text] of [
      ['2021', '2021'],
      ['2021-03', 'Mar 2021'],
      ['2021-03-05', '5 Mar 2021'],
    ]) {
      expect(isoToText(iso!)).toBe(text);
      expect(textToIso(text!)).toBe(iso);
    }
  });

  it('read the ways people write dates', () => {
    expect(['March 2021', 'Mar. 2021', '03/2021', '2021-03', 'mar 2021'].map(textToIso)).toEqual(
      Array(5).fill('2021-03'),
    );
    expect(textToIso('Sept 5, 2021')).toBe('2021-09-05');
    expect(textToIso('Spring 2021')).toBeUndefined();
    expect(textToIso('Redmond, WA')).toBeUndefined();
  });

  it('handle ranges, single dates and open ends', () => {
    expect(rangeToText('2021-03', undefined)).toBe('Mar 2021 \u2013 Present');
    expect(rangeToText('2019', '2020')).toBe('2019 \u2013 2020');
    expect(rangeToText('2019', '2019')).toBe('2019');
    expect(textToRange('Mar 2021 \u2013 Present')).toEqual({ start: '2021-03' });
    expect(textToRange('2019-2020')).toEqual({ start: '2019', end: '2020' });
    expect(textToRange('Apr 2022 - Aug 2025')).toEqual({ start: '2022-04', end: '2025-08' });
    expect(textToRange('2021-03 to now')).toEqual({ start: '2021-03' });
    expect(textToRange('2021')).toEqual({ start: '2021', end: '2021' });
    expect(textToRange('Palo Alto, CA')).toBeUndefined();
  });
});
