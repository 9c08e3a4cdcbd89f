import { describe, expect, it } from 'vitest';
import type { Paragraph, PhrasingContent } from 'mdast';
import { definitionList, looseDefinitions, whole } from '../../src/parse/definitions.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

const plain = (nodes: PhrasingContent[]): string => nodes.map((n) => ('value' in n ? n.value : '')).join('');

function terms(source: string) {
  const node = parseMarkdown(source).children[0] as Paragraph;
  return definitionList(node.children, source)?.map((t) => [plain(whole(t.line)), ...t.definitions.map(plain)]);
}

describe('definition lists', () => {
  it('reads terms and their definitions', () => {
    expect(terms('Languages\n: TypeScript, Go\n: Rust\nCloud\n: Azure')).toEqual([
      ['Languages', 'TypeScript, Go', 'Rust'],
      ['Cloud', 'Azure'],
    ]);
  });

  it("reads pandoc's other mark, a tilde, as a colon", () => {
    expect(terms('Languages\n~ TypeScript, Go\n  ~ Rust\nCloud\n: Azure')).toEqual([
      ['Languages', 'TypeScript, Go', 'Rust'],
      ['Cloud', 'Azure'],
    ]);
    expect(terms('Ratio\n\\~ not a definition\nNear\n~5 years, no mark')).toBeUndefined();
  });

  it('continues a definition on an unmarked line, and keeps lines before the first term as they are', () => {
    expect(terms('Intro | 2020\nCloud\n: Azure and\nAWS')).toEqual([['Intro | 2020'], ['Cloud', 'Azure and AWS']]);
  });

  it('is no definition list without a `: ` line after a term', () => {
    expect(terms('Just text\nover two lines')).toBeUndefined();
    expect(terms(': starts with a colon\nthen text')).toBeUndefined();
    expect(terms('Ratio\n:3 is no mark')).toBeUndefined();
  });

  it('finds a `: ` line wherever a line starts: after a hard break, after markup, before a tab', () => {
    expect(terms('Cloud  \n: Azure')).toEqual([['Cloud', 'Azure']]);
    expect(terms('Cloud\\\n: Azure')).toEqual([['Cloud', 'Azure']]);
    expect(terms('`Cloud`\n: Azure')).toEqual([['Cloud', 'Azure']]);
    expect(terms('Cloud\n:\tAzure\n   : AWS')).toEqual([['Cloud', 'Azure', 'AWS']]);
    expect(terms('Note: a colon mid-line\nis no mark: none here')).toBeUndefined();
  });

  it('reads an escaped colon (`\\: `) as text, not a definition mark', () => {
    expect(terms('Ratio\n\\: not a definition')).toBeUndefined();
    expect(terms('Cloud\n: Azure\n\\: and more')).toEqual([['Cloud', 'Azure : and more']]);
    const source = '\\: a summary that starts with a colon';
    const node = parseMarkdown(source).children[0] as Paragraph;
    expect(looseDefinitions(node.children, source)).toBeUndefined();
    expect(
      looseDefinitions((parseMarkdown(': loose').children[0] as Paragraph).children, ': loose')?.map(plain),
    ).toEqual(['loose']);
  });
});
