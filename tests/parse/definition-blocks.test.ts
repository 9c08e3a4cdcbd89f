import { describe, expect, it } from 'vitest';
import type { Root, RootContent } from 'mdast';
import { definitionBlocks } from '../../src/parse/definition-blocks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parseResume } from '../../src/parse/index.js';

function tree(source: string): Root {
  const root = parseMarkdown(source);
  definitionBlocks(root, source);
  return root;
}

const kinds = (nodes: RootContent[]): string[] => nodes.map((node) => node.type);

/** Every node's text, as the source holds it at the node's offsets: what positions must point at. */
function atOffsets(node: RootContent, source: string): string {
  return source.slice(node.position!.start.offset, node.position!.end.offset);
}

// pandoc's definition list with further blocks, as pandoc_resume's example writes it.
const PANDOC = [
  'Open Source',
  ':   Contributions to **node.js**.',
  '',
  '    * Streams, with *backpressure*',
  '    * A `--flag`',
  '',
  '    A second paragraph.',
  '',
  '        an indented code line',
  '',
  'After the list.',
].join('\n');

describe('a definition’s further blocks', () => {
  it('reads the blocks indented after `: definition` as Markdown, not code', () => {
    const root = tree(PANDOC);
    expect(kinds(root.children)).toEqual(['paragraph', 'list', 'paragraph', 'code', 'paragraph']);
    const [, list, second, code] = root.children;
    expect(atOffsets(list!, PANDOC)).toBe('* Streams, with *backpressure*\n    * A `--flag`');
    expect(list!.position!.start).toEqual({ line: 4, column: 5, offset: PANDOC.indexOf('* Streams') });
    expect(atOffsets(second!, PANDOC)).toBe('A second paragraph.');
    // Indented eight spaces: code within the definition, as pandoc reads it.
    expect(code).toMatchObject({ type: 'code', value: 'an indented code line' });
  });

  it('places each inline node where it stands in the source', () => {
    const root = tree(PANDOC);
    const list = root.children[1] as Extract<RootContent, { type: 'list' }>;
    const item = list.children[0]!.children[0] as Extract<RootContent, { type: 'paragraph' }>;
    const emphasis = item.children[1]!;
    expect(emphasis.type).toBe('emphasis');
    expect(PANDOC.slice(emphasis.position!.start.offset, emphasis.position!.end.offset)).toBe('*backpressure*');
    expect(emphasis.position!.start.line).toBe(4);
  });

  it('follows a loose definition (a blank line after its term) too', () => {
    const source = 'Term\n\n:   Definition\n\n    - one\n    - two\n';
    expect(kinds(tree(source).children)).toEqual(['paragraph', 'paragraph', 'list']);
  });

  it('leaves code that follows no definition, and fenced code, as code', () => {
    expect(kinds(tree('Text\n\n    code\n').children)).toEqual(['paragraph', 'code']);
    expect(kinds(tree('Term\n: def\n\n```\nfenced\n```\n').children)).toEqual(['paragraph', 'code']);
    // A paragraph between ends the definition.
    expect(kinds(tree('Term\n: def\n\nOther\n\n    code\n').children)).toEqual(['paragraph', 'paragraph', 'code']);
  });

  it('reads a leading `---` as a rule, not a frontmatter', () => {
    expect(kinds(tree('Term\n: def\n\n    ---\n    - a\n').children)).toEqual(['paragraph', 'thematicBreak', 'list']);
  });

  it('gives a resume the definition’s list, and warns of code only where code stands', () => {
    const source = `---\nname: Ada\n---\n\n## Projects\n\n${PANDOC}\n`;
    const { resume, diagnostics } = parseResume(source, 'resume.md');
    // Only the code within the definition is code, placed where it stands.
    const code = diagnostics.filter((d) => d.message === 'a code block is printed as plain lines');
    expect(code.map(({ line, column }) => [line, column])).toEqual([[15, 5]]);
    const blocks = resume!.sections[0]!.blocks;
    const list = blocks.find((block) => block.type === 'list');
    expect(list).toMatchObject({ type: 'list', line: 10 });
    expect(list?.type === 'list' && list.items.map((item) => item.text.plain)).toEqual([
      'Streams, with backpressure',
      'A --flag',
    ]);
  });
});
