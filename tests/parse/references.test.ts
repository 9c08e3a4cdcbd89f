import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { labelsIn, referenceKeys, stubDefinitions } from '../../src/parse/references.js';

const tree = (markdown: string) => parseMarkdown(markdown);

describe('references across parts', () => {
  it('finds the labels a tree defines, in quotes and lists too, as micromark compares them', () => {
    expect(referenceKeys(tree('[Foo  Bar]: /x\n\n> [quoted]: /y\n\n- [^Note]: a note'))).toEqual([
      'FOO BAR',
      'QUOTED',
      '^NOTE',
    ]);
  });

  it('finds every label a text may name, however it wraps', () => {
    const labels = labelsIn('See [foo\n  bar], [text][Ref] and a note[^n].\n> [wrapped\n> label]');
    for (const key of ['FOO BAR', 'TEXT', 'REF', '^N', 'WRAPPED LABEL']) expect(labels).toContain(key);
  });

  it('writes a definition for each label that defines it again', () => {
    const stubs = stubDefinitions(['FOO BAR', '^N', 'A\\]B']);
    expect(referenceKeys(tree(stubs))).toEqual(['FOO BAR', '^N', 'A\\]B']);
    expect(stubDefinitions([])).toBe('');
  });
});
