import { expect, test } from 'vitest';
import { datesToHtml } from '../../../src/render/html/dates.js';

test.each([
  ['Sep 2025 – Present', '<time datetime="2025-09">Sep 2025</time> – Present'],
  ['2019–2020', '<time datetime="2019">2019</time>–<time datetime="2020">2020</time>'],
  ['2021-03 – 03/2022', '<time datetime="2021-03">2021-03</time> – <time datetime="2022-03">03/2022</time>'],
  ['Team 2020 & <b>', 'Team <time datetime="2020">2020</time> &amp; &lt;b&gt;'],
  ['v12345 and Present', 'v12345 and Present'],
])('%s', (text, html) => {
  expect(datesToHtml([{ type: 'text', value: text }])).toBe(html);
});

test('markup around the dates is kept', () => {
  expect(
    datesToHtml([
      { type: 'emphasis', children: [{ type: 'text', value: 'remote' }] },
      { type: 'text', value: ' 2024' },
    ]),
  ).toBe('<em>remote</em> <time datetime="2024">2024</time>');
});
