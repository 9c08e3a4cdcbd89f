import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { containerAt, readContainer, wrapped } from '../../src/parse/containers.js';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';
import { lineStarts } from '../../src/parse/source-lines.js';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfmSyntax).parse(text) as Root;
const at = (source: string, from = 0) => containerAt(source.split('\n'), from);

describe('containerAt', () => {
  it('reads a quote to its first blank line, the `>` taken off', () => {
    expect(at('> a\n>  b\n>\nlazy\n\n> next')).toMatchObject({ to: 4, inside: 'a\n b\n\nlazy', taken: [2, 2, 1, -1] });
  });

  it('reads an item to a sibling, or to a line left of its content after a blank line', () => {
    expect(at('- a\n\n  b\n- c')).toMatchObject({ to: 3, inside: 'a\n\nb', prefix: '- ' });
    expect(at('1. a\n\n   b\n\nafter')).toMatchObject({ to: 4, inside: 'a\n\nb\n', prefix: '1. ' });
  });

  it('ends at a lazy line that opens a block, and leaves alone what the inside would read otherwise', () => {
    expect(at('> a\n# heading')).toMatchObject({ to: 1 });
    expect(at('> a\n===')).toBeUndefined();
    expect(at('- a\n|---|')).toBeUndefined();
    expect(at('- a\n2) other kind')).toBeUndefined();
    expect(at('>\ttab')).toBeUndefined();
    expect(at('- [ ] task')).toBeUndefined();
    expect(at('text')).toBeUndefined();
  });
});

describe('readContainer', () => {
  it('ends the container at a lazy line that goes on no paragraph', () => {
    const read = readContainer(at('> # heading\n> ***\nafter')!, parse);
    expect(read?.container).toMatchObject({ to: 2, inside: '# heading\n***' });
  });

  it('keeps a lazy line that goes on a paragraph, or after definitions', () => {
    expect(readContainer(at('> a\nlazy')!, parse)?.container.to).toBe(2);
    expect(readContainer(at('> [d]: /u\nlazy')!, parse)?.container.to).toBe(2);
  });

  it('refuses a fence left open at its end, and a list in a quote', () => {
    expect(readContainer(at('- ```\n  x\n- b')!, parse)).toBeUndefined();
    expect(readContainer(at('> - a\n>\n> b')!, parse)).toBeUndefined();
    expect(readContainer(at('> - a\n> > b')!, parse)).toBeUndefined();
  });
});

describe('wrapped', () => {
  it('puts the inside back in its quote or item, at the positions it has in the source', () => {
    const source = '> a\n>\n> *b*';
    const container = at(source)!;
    const quote = wrapped(container, parse(container.inside), lineStarts(source.split('\n')), parse);
    expect(quote).toEqual(parse(source).children[0]);
    const item = '- a\n\n  b';
    const list = wrapped(at(item)!, parse(at(item)!.inside), lineStarts(item.split('\n')), parse);
    expect(list).toEqual(parse(item).children[0]);
  });
});
