import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import type { BuildResult } from '../src/model/build.js';
import { launchBrowser } from './support/browser.js';
import { tempDir } from './support/cli.js';
import { pdfFonts, pdfInfo, pdfText } from './support/pdf.js';

/**
 * Resumes in Cyrillic, Greek, Chinese, Japanese, Korean and all of them mixed are
 * built for real (XeLaTeX, Noto fonts) and read back: every piece of text written
 * must come out of the PDF's text layer and the HTML page as itself. One build per
 * resume serves every assertion. A German resume stays on pdflatex (so does the seed:
 * tests/model/scripts.test.ts).
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures/scripts');
const XETEX = ['russian', 'greek', 'chinese', 'japanese', 'korean', 'mixed'] as const;
const LATIN = ['german'] as const;
type Name = (typeof XETEX)[number] | (typeof LATIN)[number];

const outDir = tempDir('scripts');
const built = new Map<Name, { result: BuildResult; pdfText: string; html: string; tex: string }>();
let browser: Browser;

beforeAll(async () => {
  for (const name of [...XETEX, ...LATIN]) {
    const result = await build({ file: path.join(FIXTURES, `${name}.md`), outDir: path.join(outDir, name) });
    if (!result.ok) throw new Error(`${name} did not build: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    built.set(name, {
      result,
      pdfText: pdfText(result.outputs.pdf!),
      html: readFileSync(result.outputs.html!, 'utf8'),
      tex: readFileSync(result.outputs.tex!, 'utf8'),
    });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const get = (name: Name) => built.get(name)!;

/** Text as a reader compares it: line breaks and spacing do not matter, the characters do. */
const squash = (text: string) => text.replace(/\s+/g, '').replace(/\u2013/g, '-');

/** Every piece of text a fixture writes (frontmatter details, headings, lines, bullets), without the Markdown marks. */
function writtenPieces(name: Name): string[] {
  const source = readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8');
  const [, yaml = '', body = ''] = source.split(/^---$/m);
  const front = parseYaml(yaml) as Record<string, string>;
  const fromBody = body
    .split('\n')
    .map((line) => line.replace(/^#+\s+|^-\s+/, '').replace(/\*\*|\*|`/g, ''))
    .flatMap((line) => line.split(' | '))
    // `YYYY-MM` dates print in the locale's words; they are checked on their own below.
    .filter((piece) => piece.trim() !== '' && !/\d{4}-\d{2}/.test(piece));
  return [front.name!, front.headline!, front.email!, front.location!, ...fromBody];
}

async function htmlText(html: string): Promise<{ text: string; lang: string }> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.evaluate(() => ({ text: document.body.innerText, lang: document.documentElement.lang }));
  } finally {
    await page.close();
  }
}

describe.each(XETEX)('a resume in %s', (name) => {
  it('is typeset by XeLaTeX with the Noto fonts, all embedded', () => {
    const { tex, result } = get(name);
    expect(tex).toContain('\\usepackage{fontspec}');
    const used = pdfFonts(result.outputs.pdf!);
    expect(used.map((f) => f.name).join(' ')).toMatch(/NotoSerif-Regular/);
    expect(used.filter((f) => !f.embedded)).toEqual([]);
    expect(used.filter((f) => f.type.includes('Type 3'))).toEqual([]);
  });

  it('gives back every character written in the PDF text layer', () => {
    const text = squash(get(name).pdfText);
    for (const piece of writtenPieces(name)) expect(text, piece).toContain(squash(piece));
  });

  it("reads each flush-right date right after its title, in both of pdftotext's reading orders", () => {
    const source = readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8');
    const titles = [...source.matchAll(/^### (.+?) \| /gm)].map((m) => m[1]!);
    expect(titles.length).toBeGreaterThan(0);
    for (const mode of ['default', 'layout'] as const) {
      const lines = pdfText(get(name).result.outputs.pdf!, mode)
        .split('\n')
        .map((l) => l.trim());
      // The title's own line goes on to the year: the date was not left for a column of its own.
      for (const title of titles)
        expect(
          lines.find((l) => l.startsWith(title)),
          `${mode}: ${title}`,
        ).toMatch(/\d{4}/);
    }
  });

  it('gives back every character written in the HTML page', async () => {
    const { text } = await htmlText(get(name).html);
    for (const piece of writtenPieces(name)) expect(squash(text), piece).toContain(squash(piece));
  });
});

describe('CJK text', () => {
  it('is set in the CJK font with the regional forms of its language, and Latin text around it is not', () => {
    expect(
      pdfFonts(get('chinese').result.outputs.pdf!)
        .map((f) => f.name)
        .join(' '),
    ).toMatch(/NotoSerifCJK/);
    expect(get('chinese').tex).toContain('Language=Chinese Simplified');
    expect(get('japanese').tex).toContain('Language=Japanese');
    expect(get('korean').tex).toContain('Language=Korean');
    // The mixed resume is in English but writes kana: Japanese forms.
    expect(get('mixed').tex).toContain('Language=Japanese');
    // Cyrillic and Greek alone need no CJK font.
    expect(
      pdfFonts(get('russian').result.outputs.pdf!)
        .map((f) => f.name)
        .join(' '),
    ).not.toMatch(/CJK/);
  });

  it('breaks long lines between ideographs, never past the margin', () => {
    // The long Chinese bullet wraps: its text is split over lines of the page, each within the text width.
    const layout = pdfText(get('chinese').result.outputs.pdf!, 'layout');
    const lines = layout.split('\n').filter((line) => /[\u4e00-\u9fff]/.test(line));
    expect(
      lines.some((line) => line.includes('设计并实现了新一代任务调度系统') && !line.includes('一致性与高可用性')),
    ).toBe(true);
  });
});

describe('dates and labels follow the locale', () => {
  it('prints YYYY-MM dates and their open end in the language of the resume', () => {
    expect(squash(get('russian').pdfText)).toContain(squash('апр. 2019 – н. в.'));
    expect(squash(get('greek').pdfText)).toContain(squash('Σεπ 2020 – σήμερα'));
    expect(squash(get('chinese').pdfText)).toContain(squash('2018年3月 – 至今'));
    expect(squash(get('japanese').pdfText)).toContain(squash('2017年4月 – 現在'));
    expect(squash(get('korean').pdfText)).toContain(squash('2019년 7월 – 현재'));
    expect(squash(get('mixed').pdfText)).toContain(squash('Apr 2019 – Aug 2022'));
  });

  it('prints German labels and month names for `locale: de`, still on pdflatex', async () => {
    const { pdfText, result, tex, html } = get('german');
    expect(squash(pdfText)).toContain(squash('März 2020 – heute'));
    expect(squash(pdfText)).toContain(squash('Okt. 2016 – Feb. 2020'));
    expect(tex).toContain('\\usepackage[T1]{fontenc}');
    expect(pdfFonts(result.outputs.pdf!).every((f) => f.type === 'Type 1')).toBe(true);
    expect(pdfInfo(result.outputs.pdf!).Title).toBe('Jürgen Müller – Lebenslauf');
    expect((await htmlText(html)).lang).toBe('de');
  });

  it('gives the HTML page the language of the resume', async () => {
    expect((await htmlText(get('japanese').html)).lang).toBe('ja');
    expect((await htmlText(get('mixed').html)).lang).toBe('en');
  });
});
