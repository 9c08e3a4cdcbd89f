import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listThemes } from '../../src/render/index.js';
import { pdfFonts, pdfInfo, pdfText } from '../support/pdf.js';
import { sourceWords, words } from '../support/source.js';
import { firstMissingInOrder, seedLines } from '../support/text.js';
import { typesetIn, type Typeset } from '../support/typeset.js';

const root = path.resolve(import.meta.dirname, '../..');
const seed = path.join(root, 'resume.md');
const long = path.join(root, 'tests/fixtures/long/resume.md');
const themes = (await listThemes()).map((t) => t.name);
const CONTINUED = / \(Cont\.\)$/;
/** Pages of the long fixture, over all themes, that start a section fresh: the case that must get no header. */
let freshStarts = 0;

/** Each page's lines as printed, blank ones dropped (pdftotext ends each page with a form feed). */
function pageLines(pdf: string): string[][] {
  return pdfText(pdf, 'layout')
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
}

it('ships three built-in themes', () => {
  expect(themes).toEqual(['classic', 'compact', 'modern']);
});

// Each theme typesets the seed and the long fixture once; every assertion reads those results.
describe.each(themes)('the %s theme', (theme) => {
  let seedRun: Typeset;
  let longRun: Typeset;
  beforeAll(async () => {
    [seedRun, longRun] = await Promise.all([typesetIn(seed, theme), typesetIn(long, theme)]);
  });

  it.each(['default', 'layout'] as const)('gives back every line of the seed in order (pdftotext, %s mode)', (mode) => {
    expect(firstMissingInOrder(seedLines(), pdfText(seedRun.pdf, mode))).toBeUndefined();
  });

  it('prints every word of the seed, in order, and nothing more but "(Cont.)" headers', () => {
    const lines = pageLines(seedRun.pdf)
      .flat()
      .filter((l) => !CONTINUED.test(l));
    expect(words(lines.join('\n'))).toEqual(sourceWords(seed));
  });

  it.runIf(theme === 'classic')(
    'starts page 2 of the seed with "Projects (Cont.)", as the person\'s own PDF does',
    () => {
      const pages = pageLines(seedRun.pdf);
      expect(pages).toHaveLength(2);
      expect(pages[1]![0]).toBe('Projects (Cont.)');
    },
  );

  it('sets the seed without overfull lines and with Type 1 fonts only, all embedded', () => {
    expect(seedRun.log).not.toMatch(/Overfull \\hbox/);
    const fonts = pdfFonts(seedRun.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ type: 'Type 1', embedded: true });
  });

  it('heads a page with "<Section> (Cont.)" exactly when a section runs on from the page before', () => {
    const pages = pageLines(longRun.pdf);
    expect(pages.length).toBe(Number(pdfInfo(longRun.pdf).Pages));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const titles = new Set(['Experience', 'Projects', 'Education', 'Publications', 'Skills']);
    let current: string | undefined;
    let continued = 0;
    for (const [index, page] of pages.entries()) {
      const lines = page.slice(0, -1);
      const header = CONTINUED.test(lines[0]!) ? lines[0]!.replace(CONTINUED, '') : undefined;
      const body = header === undefined ? lines : lines.slice(1);
      if (index > 0) {
        // A page that starts with a section title starts that section fresh; any other runs the current one on.
        const startsFresh = titles.has(body[0]!);
        expect(header, `page ${index + 1} starts with: ${body.slice(0, 2).join(' / ')}`).toBe(
          startsFresh ? undefined : current,
        );
        if (header) continued++;
        if (startsFresh) freshStarts++;
      }
      for (const line of body) if (titles.has(line)) current = line;
    }
    expect(continued).toBeGreaterThan(0);
    // No page ends on a heading (entry, role, or the detail lines under one) away from its first lines.
    const source = readFileSync(long, 'utf8');
    const headings = [...source.matchAll(/^#{3,4} (.*?)(?: \| .*)?$/gm)].map((m) => m[1]!);
    for (const [index, page] of pages.entries()) {
      const last = page.at(-2)!;
      expect(
        headings.some((h) => last.startsWith(h)) || /^Technologies:|^Open source|^University|^College/.test(last),
        `page ${index + 1} ends with "${last}"`,
      ).toBe(false);
    }
    // `pageNumbers: true`: each page ends with its number.
    expect(pages.map((lines) => lines.at(-1))).toEqual(pages.map((_, i) => `Page ${i + 1}`));
    const text = pages.flatMap((lines) => lines.slice(0, -1)).filter((l) => !CONTINUED.test(l));
    expect(words(text.join('\n'))).toEqual(sourceWords(long));
  });

  it('renders the seed to HTML with all its words in order', () => {
    const text = seedRun.html.replace(/<style>[\s\S]*?<\/style>|<head>[\s\S]*?<\/head>/g, '').replace(/<[^>]+>/g, ' ');
    expect(words(text.replace(/&#?\w+;/g, (e) => ({ '&amp;': '&', '&#39;': "'" })[e] ?? ' '))).toEqual(
      sourceWords(seed),
    );
  });
});

it('has seen, among the themes, a page that starts a section fresh (so the "no header" case was checked)', () => {
  expect(freshStarts).toBeGreaterThan(0);
});
