import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { parseMarkdown, sections } from '../../src/parse/markdown.js';
import { tempDir } from '../support/cli.js';

const whole = (source: string) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).parse(source);
const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const documents = [
  path.join(FIXTURES, '../../resume.md'),
  ...readdirSync(path.join(FIXTURES, 'parse')).map((c) => path.join(FIXTURES, 'parse', c, 'input.md')),
  ...readdirSync(path.join(FIXTURES, 'scripts')).map((f) => path.join(FIXTURES, 'scripts', f)),
];

/** Blocks of a resume-like document; the last ones could reach across a cut, so a document with them is parsed whole. */
const blocks = [
  'A paragraph with *emphasis* and a [link](https://example.com).',
  'Two lines\nof one paragraph.',
  '- one\n- two\n\n  continued',
  '1. first\n2. second',
  '> quoted\nlazily',
  '### Role | 2020 - 2022',
  '    indented code',
  'Uses [ref] here.',
  'Setext\n---',
  '***',
  '## Section',
  '##Not a section',
  '  ## indented heading',
  'Trailing\\\nbreak',
  '| a | b |\n|---|--:|\n| 1 | 2 |',
  '- [x] done\n- [ ] open',
  'Was ~~struck~~, ~5 years, www.example.com and a note[^n].',
  '# Name',
  '#### Title | 2021',
  '```\n## not a heading\n```',
  '<div>\n## inside HTML\n</div>',
  '[ref]: https://example.com',
  '[^n]: The note.',
  '> [quoted]: https://example.org',
];
const document = (from: string[]) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...from), fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', ' \n\n')), { maxLength: 14 }))
    .map(([frontmatter, parts]) => `${frontmatter ? '---\nname: A\n## a YAML comment\n---\n' : ''}${parts.map(([b, gap]) => b + gap).join('')}`);

describe('parsing Markdown in sections', () => {
  it.each(documents.map((f) => [path.relative(FIXTURES, f), f]))('%s: the same tree as parsing it whole', (_, file) => {
    const source = readFileSync(file, 'utf8');
    expect(parseMarkdown(source)).toEqual(whole(source));
  });

  it('cuts the seed into its sections', () => {
    const source = readFileSync(documents[0]!, 'utf8');
    const parts = sections(source);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.map((p) => p.text).join('')).toBe(source);
    expect(parts.slice(1).every((p) => /^#{2,4} /.test(p.text))).toBe(true);
  });

  it.each([
    ['blocks that stay within a section', blocks.slice(0, -5), 300],
    ['any blocks', blocks, 100],
  ] as const)('gives the same tree as parsing it whole, for %s (fast-check)', (_, from, numRuns) => {
    // `FC_SEED=<seed>` replays a reported failure.
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    fc.assert(
      fc.property(document([...from]), (source) => {
        expect(parseMarkdown(source)).toEqual(whole(source));
      }),
      { numRuns, seed },
    );
  });

  it('keeps sections in the cache folder for the next process, and never uses a broken one', async () => {
    const cacheDir = tempDir('markdown-cache');
    const source = readFileSync(documents[0]!, 'utf8');
    vi.resetModules();
    const first = await import('../../src/parse/markdown.js');
    expect(first.parseMarkdown(source, cacheDir)).toEqual(whole(source));
    await vi.waitFor(() => expect(readdirSync(path.join(cacheDir, 'markdown')).length).toBe(sections(source).length));
    for (const name of readdirSync(path.join(cacheDir, 'markdown'))) writeFileSync(path.join(cacheDir, 'markdown', name), '{"type":"root","children":[]}');
    vi.resetModules();
    const fresh = await import('../../src/parse/markdown.js');
    expect(fresh.parseMarkdown(source, cacheDir)).toEqual(whole(source));
  });
});
