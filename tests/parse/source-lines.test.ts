import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';
import { frontmatterText, lineAt, lineStarts } from '../../src/parse/source-lines.js';

const whole = (source: string) =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmSyntax).parse(source);

describe('lineStarts and lineAt', () => {
  it('find where each line starts, and the line holding an offset', () => {
    const source = 'ab\n\ncd\r\ne';
    const starts = lineStarts(source.split('\n'));
    expect(starts).toEqual([0, 3, 4, 8]);
    expect([0, 2, 3, 4, 7, 8].map((offset) => lineAt(starts, offset))).toEqual([0, 0, 1, 2, 2, 3]);
  });
});

describe('frontmatterText', () => {
  // Read before the Markdown (its `timeout:` bounds the parse): it must be the text remark-frontmatter gives.
  const fragment = fc.constantFrom(
    '---',
    '--- ',
    '---\t',
    ' ---',
    '----',
    'a: 1',
    'b: "x"',
    '',
    '# T',
    '\n',
    '\r\n',
    '\r',
  );
  it('is the yaml node remark gives, or none where it gives none (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '---\n', '---\r\n', '---\r', '--- \n'),
        fc.array(fragment, { maxLength: 12 }),
        (opening, pieces) => {
          const source = opening + pieces.join('');
          const first = whole(source).children[0];
          expect(frontmatterText(source)).toBe(first?.type === 'yaml' ? first.value : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
