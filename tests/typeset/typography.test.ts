import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listThemes } from '../../src/render/index.js';
import { tempDir } from '../support/cli.js';
import { pdfLines, pdfPageGray, pdfText, type PdfWord } from '../support/pdf.js';
import { typesetIn, type Typeset } from '../support/typeset.js';

/**
 * The details a typographer would catch (issue 15), read back from real PDFs: the
 * space after an entry, where the contact line breaks, quotes and sentence spaces,
 * the top of every page, and contact icons. tests/fixtures/polish has a long contact
 * line, quotes, abbreviations and entries with and without bullets.
 */
const root = path.resolve(import.meta.dirname, '../..');
const polish = path.join(root, 'tests/fixtures/polish/resume.md');
const long = path.join(root, 'tests/fixtures/long/resume.md');
const themes = (await listThemes()).map((t) => t.name);
const SEPARATORS = new Set(['|', '\u2022']);
const CONTACTS = [
  'sam.oneil@example.com',
  '+1 555 0123 4567',
  'San Francisco, California',
  'sam-oneil.example.com',
  'github.com/sam-oneil',
  'linkedin.com/in/sam-oneil',
  'orcid.org/0000-0002-1825-0097',
  'gitlab.com/sam-oneil',
  'x.com/sam_oneil',
];

/** A copy of a fixture with a line added to its frontmatter (`paper: a4`), and text replaced. */
function variant(file: string, frontmatter: string, [from, to]: [string, string] = ['', '']): string {
  const out = path.join(tempDir('typography'), 'resume.md');
  writeFileSync(
    out,
    readFileSync(file, 'utf8')
      .replace(from, to)
      .replace(/^---\n/, `---\n${frontmatter}\n`),
  );
  return out;
}

const lineText = (line: PdfWord[]): string => line.map((w) => w.text).join(' ');
const lineWith = (lines: PdfWord[][], start: string): number => lines.findIndex((l) => lineText(l).startsWith(start));
/** The white space between a line and the one after it, from the bottom of one's words to the top of the next's. */
const gapAfter = (lines: PdfWord[][], index: number): number =>
  Math.min(...lines[index + 1]!.map((w) => w.yMin)) - Math.max(...lines[index]!.map((w) => w.yMax));

describe.each(themes.flatMap((theme) => (['letter', 'a4'] as const).map((paper) => [theme, paper] as const)))(
  'the %s theme on %s paper',
  (theme, paper) => {
    let run: Typeset;
    let lines: PdfWord[][];
    beforeAll(async () => {
      run = await typesetIn(variant(polish, `paper: ${paper}`), theme);
      lines = pdfLines(run.pdf);
    });

    it('leaves the same space after an entry whether or not it ends in bullets (within 2 pt)', () => {
      // Stanford and Oxford end on their subtitle line, MIT on a bullet; Contoso on its subtitle, Fabrikam's first.
      const after = (title: string): number => gapAfter(lines, lineWith(lines, title) - 1);
      const plain = [after('University of Oxford'), after('MIT'), after('Fabrikam')];
      const bulleted = after('ETH Z');
      for (const gap of plain)
        expect(Math.abs(gap - bulleted), `gaps ${plain.join(', ')} against ${bulleted}`).toBeLessThanOrEqual(2);
      expect(bulleted).toBeGreaterThan(3);
    });

    it('breaks the contact line between contacts only, with no separator at either end of a line', () => {
      const first = lineWith(lines, 'sam.oneil');
      const contactLines = lines.slice(
        first,
        lines.findIndex((l, i) => i > first && lineText(l).startsWith('Engineer who')),
      );
      expect(contactLines.length, contactLines.map(lineText).join('\n')).toBeGreaterThanOrEqual(2);
      for (const line of contactLines) {
        expect(SEPARATORS.has(line[0]!.text) || SEPARATORS.has(line.at(-1)!.text), lineText(line)).toBe(false);
      }
      const text = contactLines.map(lineText);
      for (const contact of CONTACTS)
        expect(
          text.some((l) => l.includes(contact)),
          contact,
        ).toBe(true);
      // The separators are there, between contacts.
      expect(text.join(' ')).toMatch(/example\.com [|\u2022] \+1/);
    });

    it('prints typographic quotes, but straight ones in code and addresses', () => {
      const text = pdfText(run.pdf);
      expect(text).toContain('Sam O\u2019Neil');
      expect(text).toContain('\u201ckeeps the lights on\u201d. Led the unit\u2019s move');
      expect(text).toContain('\u201cDistributed Systems\u201d');
      expect(text).toContain("it's 'raw'");
      expect(text).toContain("https://example.com/it's");
      expect(text.replace("it's 'raw'", '').replace("https://example.com/it's", '')).not.toMatch(/['"]/);
    });

    it('sets a word space, not a sentence space, after an abbreviation', () => {
      const words = lines.flat();
      const space = (before: string): number => {
        const i = words.findIndex((w) => w.text === before);
        return words[i + 1]!.xMin - words[i]!.xMax;
      };
      expect(Math.abs(space('M.Sc.') - space('in')), 'M.Sc. in Computer').toBeLessThan(0.3);
      expect(Math.abs(space('e.g.') - space('algebra')), 'e.g. algebra and').toBeLessThan(0.3);
    });

    it.runIf(theme === 'modern')('draws an icon before each contact, and adds nothing to the text', async () => {
      const page = pdfPageGray(run.pdf, 1);
      const contactWords = lines
        .flat()
        .filter((w) => CONTACTS.some((c) => c.startsWith(w.text) && w.page === 1) && w.yMin < 130);
      // The contact line's em: modern's 9.5 pt body, \small (0.9).
      const em = 8.55;
      for (const contact of CONTACTS) {
        const word = contactWords.find((w) => contact.startsWith(w.text))!;
        expect(page.ink(word.xMin - 0.95 * em, word.yMin, word.xMin - 0.3 * em, word.yMax), contact).toBeGreaterThan(5);
      }
      const theme = tempDir('no-icons');
      writeFileSync(
        path.join(theme, 'theme.yaml'),
        'description: modern without icons\nextends: modern\nicons: false\n',
      );
      const plain = await typesetIn(variant(polish, `paper: ${paper}`), theme);
      // Read line by line as printed (the icons move where the contact line wraps), separators aside.
      const read = (pdf: string): string[] =>
        pdfText(pdf, 'layout')
          .split(/\s+/)
          .filter((w) => w !== '' && !SEPARATORS.has(w));
      expect(read(run.pdf)).toEqual(read(plain.pdf));
      const plainLines = pdfLines(plain.pdf);
      const email = plainLines.flat().find((w) => w.text === 'sam.oneil@example.com')!;
      expect(pdfPageGray(plain.pdf, 1).ink(email.xMin - 0.95 * em, email.yMin, email.xMin - 0.3 * em, email.yMax)).toBe(
        0,
      );
    });
  },
);

it('draws the icons with XeLaTeX too (xdvipdfmx specials)', async () => {
  const run = await typesetIn(
    variant(polish, 'paper: a4', ['Reliability Engineer', 'Reliability Engineer, Ελλάδα']),
    'modern',
  );
  expect(run.log).toMatch(/XeTeX/);
  const email = pdfLines(run.pdf)
    .flat()
    .find((w) => w.text === 'sam.oneil@example.com')!;
  expect(pdfPageGray(run.pdf, 1).ink(email.xMin - 8, email.yMin, email.xMin - 2.5, email.yMax)).toBeGreaterThan(5);
});

describe.each(themes)('the %s theme across pages', (theme) => {
  const tops: Record<'fresh' | 'continued', number[]> = { fresh: [], continued: [] };
  const texts: string[] = [];
  beforeAll(async () => {
    for (const paper of ['letter', 'a4']) {
      const run = await typesetIn(variant(long, `paper: ${paper}`), theme);
      texts.push(pdfText(run.pdf).replaceAll('\f', '\n'));
      const lines = pdfLines(run.pdf);
      for (const line of lines.filter((l, i) => l[0]!.page > 1 && lines[i - 1]?.[0]!.page !== l[0]!.page)) {
        tops[/\(Cont\.\)$/.test(lineText(line)) ? 'continued' : 'fresh'].push(line[0]!.yMin);
      }
    }
  });

  it('starts every page after the first at the same height, with or without a "(Cont.)" header', () => {
    const all = [...tops.fresh, ...tops.continued];
    expect(tops.continued.length).toBeGreaterThan(0);
    expect(Math.max(...all) - Math.min(...all), JSON.stringify(tops)).toBeLessThan(0.5);
  });

  // Accepted, not fixed: poppler reads a "(Cont.)" header as a line of its own between the
  // halves of a sentence split across pages, just where a person reading the PDF meets it.
  // Hiding it from the text layer would hide it from the tests that check it is there, and
  // the .txt output, the one meant for parsers, has no header at all.
  it('keeps a "(Cont.)" header a line of its own, never inside a line of the text it interrupts', () => {
    for (const header of texts.join('\n').match(/^.*\(Cont\.\).*$/gm) ?? []) expect(header).toMatch(/^\S+ \(Cont\.\)$/);
  });
});

it('has seen a page that starts a section fresh (so the equal-height check compared the two kinds)', async () => {
  const run = await typesetIn(long, 'compact');
  const lines = pdfLines(run.pdf);
  expect(
    lines.some((l, i) => l[0]!.page > 1 && lines[i - 1]![0]!.page !== l[0]!.page && lineText(l) === 'Projects'),
  ).toBe(true);
});
