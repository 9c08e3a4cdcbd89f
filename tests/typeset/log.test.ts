import { describe, expect, it } from 'vitest';
import { readOverflows } from '../../src/typeset/log.js';

describe('readOverflows', () => {
  it("reads each overfull line's width and the .tex line it began on, in all three forms TeX writes", () => {
    const log = [
      'Overfull \\hbox (205.81865pt too wide) in paragraph at lines 183--185',
      '\\T1/bch/m/n/10 com.example.platform.infrastructure.AbstractSingletonProxyFactoryBean',
      'Overfull \\hbox (3.5pt too wide) in alignment at lines 40--42',
      'Overfull \\hbox (0.2pt too wide) detected at line 57',
      'Underfull \\hbox (badness 10000) in paragraph at lines 60--61',
      'Overfull \\vbox (12.0pt too high) has occurred while \\output is active',
    ].join('\n');
    expect(readOverflows(log)).toEqual([
      { pt: 205.81865, texLine: 183 },
      { pt: 3.5, texLine: 40 },
      { pt: 0.2, texLine: 57 },
    ]);
  });

  it('finds none in a clean log', () => {
    expect(
      readOverflows('This is pdfTeX, Version 3.141592653\nOutput written on resume.pdf (2 pages, 61234 bytes).\n'),
    ).toEqual([]);
  });
});
