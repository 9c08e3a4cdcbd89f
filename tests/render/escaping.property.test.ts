import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseResume } from '../../src/parse/index.js';
import { dashDateRanges } from '../../src/parse/dates.js';
import { listThemes, loadTheme, renderHtml } from '../../src/render/index.js';
import { launchBrowser } from '../support/browser.js';
import { tempDir } from '../support/cli.js';
import { pdfText, pdfUrls } from '../support/pdf.js';

/**
 * Escaping proven on arbitrary text: every field of a resume gets strings of
 * ASCII specials, TeX's ^^ notation, control characters and Latin letters,
 * and the PDF (pdflatex, read back by pdftotext) and the HTML (in Chromium)
 * must show each one as written, with no markup of their own.
 *
 * Many samples go into one document, so a run costs one typeset.
 */

const ASCII = [...Array(0x7f - 0x20)].map((_, i) => String.fromCharCode(0x20 + i));
/** Control characters have no glyph: both outputs drop them (tab, CR and LF are white space). */
const CONTROL = [...Array(0x20)]
  .map((_, i) => String.fromCharCode(i))
  .filter((c) => c !== '\0' && c !== '\n' && c !== '\r')
  .concat('\u007F');
const TEX_NOTATION = [
  '^^5c',
  '^^M',
  '^^J',
  '^^^^0041',
  '^^41',
  '^^?',
  '^^@',
  '\\input{/etc/passwd}',
  '\\def\\x{\\x}\\x',
  '\\catcode`\\%=11',
  '%',
  '#1',
  '$$',
  '\\\\',
];
const HTML_NOTATION = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</p>',
  '<!--',
  '-->',
  '&amp;',
  '&#x41;',
  '&lt;',
  '{{x}}',
  '{{{x}}}',
  '"><b>',
];
/**
 * Latin letters and signs that pdflatex sets with T1 and whose text comes back
 * from the PDF as written. The rest of Latin Extended (ą ș ŋ ạ...) either is
 * not set by T1 or comes back from the PDF decomposed; those belong to the
 * engine choice (XeLaTeX), not to escaping.
 */
const LATIN =
  '¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ' +
  'ĀāĂăĆćĈĉĊċČčĎĒēĔĕĖėĚěĜĝĞğĠġĤĥĨĪĬİıĴĹĺŁłŃńŇňŌōŎŏŐőŒœŔŕŘřŚśŜŝŞşŠšŢţŤŨũŪūŬŭŮůŰűŴŵŶŷŸŹźŻżŽžƒǍǎǏǑǒǓǔǢǣǦǧǨǩǴǵȲȳ' +
  'ḂḃḞḟḠḡḰḱṅẎẏẐẑỲỳ';

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 3, arbitrary: fc.constantFrom(...LATIN) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...TEX_NOTATION, ...HTML_NOTATION) },
);
/**
 * A word wider than the line cannot break (hyphenation is off) and runs past
 * the page edge, where no reader sees it: samples keep their words shorter.
 */
const text = fc
  .array(piece, { minLength: 1, maxLength: 14 })
  .map((pieces) => pieces.join('').replace(/\S{12}(?=\S)/g, '$& '));

/** The fields of one entry; the document holds a few entries, each field carrying its own sample. */
const entry = fc.record({
  title: text,
  aside: text,
  subtitle: text,
  subAside: text,
  fact: text,
  bullet: text,
  subBullet: text,
  paragraph: text,
});
const documentSamples = fc.record({
  name: text,
  headline: text,
  location: text,
  email: text,
  linkLabel: text,
  summary: text,
  section: text,
  entries: fc.array(entry, { minLength: 2, maxLength: 3 }),
  free: text,
});
/** `FC_SEED=<seed> npx vitest run <this file>` replays a reported failure. */
const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};
type Samples = typeof documentSamples extends fc.Arbitrary<infer T> ? T : never;

/** What a reader sees of text: no control characters, white space folded. */
function seen(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The resume, with every sample between markers (`Q3q…q3Q`) so each can be
 * found on its own. Markdown escapes every ASCII punctuation mark and YAML
 * gets JSON strings, so the source means exactly the sample's characters.
 */
function resumeOf(samples: Samples): { markdown: string; expected: string[] } {
  const expected: string[] = [];
  /** `shown` is how the reader changes the text by design (dates in a right-hand part get an en dash). */
  const mark = (value: string, shown: (text: string) => string = (text) => text): string => {
    const i = expected.length;
    // White space at the ends would be trimmed by the Markdown or YAML reader anyway.
    const marked = `Q${i}q${value.trim()}q${i}Q`;
    expected.push(seen(shown(marked)));
    return marked;
  };
  const md = (value: string): string => value.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  const line = (value: string, shown?: (text: string) => string): string => md(mark(value, shown));
  const yaml = (value: string): string => JSON.stringify(mark(value)).replace(/\u007F/g, '\\u007F');
  const lines = [
    '---',
    `name: ${yaml(samples.name)}`,
    `headline: ${yaml(samples.headline)}`,
    `location: ${yaml(samples.location)}`,
    `email: ${yaml(samples.email)}`,
    `links:\n  - label: ${yaml(samples.linkLabel)}\n    url: https://example.com/a?b=c&d=e#f`,
    '---',
    '',
    line(samples.summary),
    '',
    `## ${line(samples.section)}`,
    '',
  ];
  for (const e of samples.entries) {
    lines.push(`### ${line(e.title)} | ${line(e.aside, dashDateRanges)}`);
    lines.push(`Tools: ${line(e.fact)}`);
    lines.push(`Org${line(e.subtitle)} | ${line(e.subAside, dashDateRanges)}`);
    lines.push('', `- ${line(e.bullet)}`, `  - ${line(e.subBullet)}`, '', line(e.paragraph), '');
  }
  lines.push(`## Notes`, '', line(samples.free), '');
  return { markdown: lines.join('\n'), expected };
}

function missingFrom(haystack: string, expected: readonly string[]): string[] {
  const folded = haystack.normalize('NFC').replace(/\s+/g, ' ');
  return expected.filter((e) => !folded.includes(e));
}

/** What the page shows, and every element and attribute name in it (to spot markup that came from text). */
async function readPage(page: Page): Promise<{ text: string; tags: string[]; attributes: string[]; hrefs: string[] }> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      text: document.body.innerText,
      tags: [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort(),
      attributes: [...new Set(all.flatMap((el) => el.getAttributeNames()))].sort(),
      hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
    };
  });
}

describe('arbitrary text prints as written', () => {
  let browser: Browser;
  let page: Page;
  let themes: string[];
  /** The element and attribute names of a plain resume with every field present: the templates' own markup. */
  const allowed = { tags: new Set<string>(), attributes: new Set<string>() };

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    themes = (await listThemes()).map((t) => t.name);
    const plain = fc.sample(documentSamples, { numRuns: 1, seed: 1 })[0]!;
    const blank = JSON.parse(JSON.stringify(plain, (_, v: unknown) => (typeof v === 'string' ? 'x' : v))) as Samples;
    for (const theme of themes) {
      const resume = parseResume(resumeOf(blank).markdown, 'plain.md').resume!;
      await page.setContent(renderHtml(resume, await loadTheme(theme, '.')));
      const { tags, attributes } = await readPage(page);
      for (const t of tags) allowed.tags.add(t);
      for (const a of attributes) allowed.attributes.add(a);
    }
    // Dates in right-hand parts get a `<time datetime>`: markup of the renderer's own, not from the text.
    allowed.tags.add('time');
    allowed.attributes.add('datetime');
  });
  afterAll(async () => browser?.close());

  async function checkHtml(html: string, expected: readonly string[]): Promise<void> {
    await page.setContent(html);
    const shown = await readPage(page);
    expect(missingFrom(shown.text, expected)).toEqual([]);
    expect(shown.tags.filter((t) => !allowed.tags.has(t))).toEqual([]);
    expect(shown.attributes.filter((a) => !allowed.attributes.has(a))).toEqual([]);
    for (const href of shown.hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
  }

  it('in the PDF (pdflatex) and the HTML (Chromium), a few documents of many samples each, through every theme', async () => {
    const dir = tempDir('property');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(documentSamples, async (samples) => {
        const theme = themes[run % themes.length]!;
        const { markdown, expected } = resumeOf(samples);
        const file = path.join(dir, `run${run}.md`);
        writeFileSync(file, markdown.replace('---\n\n', `theme: ${theme}\n---\n\n`));
        run++;
        const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['pdf', 'html'] });
        expect(
          result.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => `${d.line}: ${d.message} ${d.detail ?? ''}`),
        ).toEqual([]);
        expect(missingFrom(pdfText(result.outputs.pdf!), expected)).toEqual([]);
        expect(pdfUrls(result.outputs.pdf!)).toContain('https://example.com/a?b=c&d=e#f');
        await page.goto(`file://${result.outputs.html}`);
        await checkHtml(await page.content(), expected);
      }),
      // Each run is a typeset; a failure is reported with its seed (FC_SEED=… replays it) rather than shrunk run by
      // run.
      { numRuns: 3, endOnFailure: true, ...replay },
    );
  });

  it('in the HTML, many more documents (no typesetting needed)', async () => {
    const theme = await loadTheme('classic', '.');
    await fc.assert(
      fc.asyncProperty(documentSamples, async (samples) => {
        const { markdown, expected } = resumeOf(samples);
        const parsed = parseResume(markdown, 'samples.md');
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        await checkHtml(renderHtml(parsed.resume!, theme), expected);
      }),
      { numRuns: 40, ...replay },
    );
  });
});
