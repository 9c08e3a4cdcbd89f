import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { parseResume } from '../src/parse/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { loadTheme } from '../src/render/index.js';
import { renderText } from '../src/render/text/render.js';
import { tempDir } from './support/cli.js';
import { docxParts, wordParagraphs } from './support/docx.js';
import { referenceText, words } from './support/fidelity.js';
import { pdfText } from './support/pdf.js';

/**
 * For any CommonMark + GFM document (paragraphs, lists, emphasis, links,
 * reference links, tables, block quotes, headings at any level and nesting,
 * raw HTML), every word the reference renderer shows (tests/support/fidelity.ts)
 * appears, in order, in mdcv's text output, in the Word document's text and in the PDF's text.
 */

const WORDS = [
  'data',
  'team',
  'build',
  'design',
  'cloud',
  'ledger',
  'metric',
  'search',
  'river',
  'stone',
  'amber',
  'copper',
  'violet',
  'maple',
  'harbor',
  'Kafka',
  'Rust',
  'Lisbon',
  'forty',
  '42',
];
const word = fc.constantFrom(...WORDS);
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

/** Reference link labels and their definitions, appended to every document. */
const REFS = ['alpha', 'beta site', 'gamma'];
const DEFINITIONS = REFS.map((label, i) => `[${label}]: https://example.com/ref${i}`).join('\n');

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: phrase },
  phrase.map((p) => `*${p}*`),
  phrase.map((p) => `**${p}**`),
  phrase.map((p) => `_${p}_`),
  phrase.map((p) => `~~${p}~~`),
  phrase.map((p) => `\`${p}\``),
  fc.tuple(phrase, word).map(([p, w]) => `[${p}](https://example.com/${w})`),
  fc.tuple(phrase, fc.constantFrom(...REFS)).map(([p, ref]) => `[${p}][${ref}]`),
  fc.constantFrom(...REFS).map((ref) => `[${ref}][]`),
  fc.constantFrom(...REFS).map((ref) => `[${ref}]`),
  word.map((w) => `https://example.com/${w}`),
  phrase.map((p) => `<b>${p}</b>`),
  phrase.map((p) => `<i>${p}</i>`),
  phrase.map((p) => `<span>${p}</span>`),
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), line, fc.boolean())
  .map(([depth, text, closed]) => `${'#'.repeat(depth)} ${text}${closed ? ` ${'#'.repeat(depth)}` : ''}`);
/** Known (see the last tests): the text output writes a table wider than its 100 characters as `Head: cell` lines. */
const TEXT_TABLE_WIDTH = 90;
/**
 * At least as wide as the cell's text: the Markdown, and each reference link's address, which the text output writes
 * after it.
 */
const shownWidth = (cell: string): number =>
  cell.length + 20 * (cell.match(/\]\[|\[(alpha|beta site|gamma)\](?!\()/g) ?? []).length;
const cell = inline;
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([columns, rows]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows + 1, maxLength: rows + 1 }),
  )
  .filter(
    (rows) =>
      rows[0]!.reduce((width, _, i) => width + Math.max(...rows.map((row) => shownWidth(row[i]!))) + 2, 0) <=
      TEXT_TABLE_WIDTH,
  )
  .map((rows) =>
    [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((cells) => `| ${cells.join(' | ')} |`).join('\n'),
  );
const htmlBlock = fc.oneof(
  phrase.map((p) => `<div>\n${p}\n</div>`),
  phrase.map((p) => `<p align="center">${p}</p>`),
  fc.tuple(phrase, phrase).map(([a, b]) => `<details>\n<summary>${a}</summary>\n\n${b}\n\n</details>`),
);
const code = phrase.map((p) => `\`\`\`\n${p}\n\`\`\``);

/**
 * Blocks nest: list items and block quotes hold blocks of their own, headings
 * and lists included, in any order.
 */
const { block } = fc.letrec<{ block: string; list: string; item: [string, string[]]; quote: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: paragraph },
    { weight: 2, arbitrary: heading },
    { weight: 2, arbitrary: tie('list') },
    tie('quote'),
    table,
    htmlBlock,
    code,
  ),
  list: fc
    .tuple(fc.constantFrom('-', '*', '1.'), fc.array(tie('item'), { minLength: 1, maxLength: 3 }))
    .map(([marker, items]) =>
      items.map(([task, blocks]) => `${marker} ${task}${indent(blocks.join('\n\n'), marker.length + 1)}`).join('\n'),
    ),
  item: fc
    .tuple(
      fc.constantFrom('', '[ ] ', '[x] '),
      fc.oneof(paragraph, heading),
      fc.array(fc.oneof(paragraph, heading, table, htmlBlock, code, tie('list')), { maxLength: 2 }),
    )
    .map(([task, first, more]) => [task, [first, ...more]]),
  quote: fc
    .array(tie('block'), { minLength: 1, maxLength: 2 })
    .map((blocks) => blocks.join('\n\n').replace(/^/gm, '> ')),
}));

/** Continuation lines indented under the list marker. */
function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : ' '.repeat(by) + l))
    .join('\n');
}

const document = fc
  .array(block, { minLength: 1, maxLength: 8 })
  .map((blocks) => `# Test Person\n\n${blocks.join('\n\n')}\n\n${DEFINITIONS}\n`);

/** The reference's words missing from the output's, in order: the first one that is not found after the one before. */
function firstMissing(source: string, output: string): string | undefined {
  const got = words(output);
  let at = 0;
  for (const want of referenceText(source).body) {
    while (at < got.length && got[at] !== want) at++;
    if (at === got.length) return want;
    at++;
  }
  return undefined;
}

describe('every word the reference shows, mdcv shows, in order', () => {
  it('in the text output (fast-check)', () => {
    fc.assert(
      fc.property(document, (source) => {
        const parsed = parseResume(source, 'generated.md');
        expect(parsed.resume, parsed.diagnostics.map((d) => d.message).join('; ')).toBeDefined();
        expect(firstMissing(source, renderText(parsed.resume!))).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('in the Word document (fast-check)', async () => {
    const theme = await loadTheme('classic', '/');
    await fc.assert(
      fc.asyncProperty(document, async (source) => {
        const parsed = parseResume(source, 'generated.md');
        const xml = docxParts(await renderDocx(parsed.resume!, theme))['word/document.xml']!;
        expect(
          firstMissing(
            source,
            wordParagraphs(xml)
              .map((p) => p.text)
              .join('\n'),
          ),
        ).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  const outDir = tempDir('fidelity');
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('in the PDF (fast-check, fewer runs: each is typeset)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(document, async (source) => {
        const dir = path.join(outDir, String(run++));
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'resume.md'), source);
        const result = await build({
          file: path.join(dir, 'resume.md'),
          outDir: dir,
          formats: ['pdf'],
          cacheDir: path.join(outDir, 'cache'),
        });
        expect(result.ok, result.diagnostics.map((d) => d.message).join('; ')).toBe(true);
        // Either of poppler's readings (see tests/corpus.test.ts): a table reads in order in one of them.
        const readings = [pdfText(result.outputs.pdf!), pdfText(result.outputs.pdf!, 'layout')];
        expect(readings.map((reading) => firstMissing(source, reading))).toContain(undefined);
      }),
      { numRuns: 4 },
    );
  }, 400_000);

  // Known reorderings the property finds, outside what the generator above makes. Each
  // `fails` test passes while the fault is there: when it is fixed, the test fails, and the
  // generator's limit above goes with it.
  const textOf = (source: string): string => renderText(parseResume(source, 'generated.md').resume!);
  it.fails(
    'KNOWN: a table too wide for the text output is written as `Head: cell` lines, its head words out of order',
    () => {
      const head =
        '| Language | Listening and reading comprehension | Spoken interaction with native speakers | Written production |';
      const source = `# Test Person\n\n${head}\n| --- | --- | --- | --- |\n| English | C1 | B2 | C1 |\n`;
      expect(firstMissing(source, textOf(source))).toBeUndefined();
    },
  );
  it('keeps text after a list inside a list item after that list', () => {
    const source = '# Test Person\n\n- - nested first\n\n  then the item\n';
    expect(firstMissing(source, textOf(source))).toBeUndefined();
  });
});
