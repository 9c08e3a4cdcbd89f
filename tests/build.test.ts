import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../src/build.js';
import type { BuildResult } from '../src/model/build.js';
import { launchBrowser } from './support/browser.js';
import { pdfFonts, pdfInfo, pdfText, pdfUrls } from './support/pdf.js';
import { firstMissingInOrder, seedLines } from './support/text.js';

/** The person's own resume, built once with the real pdflatex; every test reads the same outputs. */
const ROOT = path.join(import.meta.dirname, '..');
let outDir: string;
let result: BuildResult;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-build-test-'));
  result = await build({ file: path.join(ROOT, 'resume.md'), outDir });
});

describe('build resume.md', () => {
  test('succeeds without errors or warnings and writes the PDF, HTML and .tex', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    for (const ext of ['pdf', 'html', 'tex']) expect(existsSync(path.join(outDir, `resume.${ext}`))).toBe(true);
  });

  test.each(['default', 'layout'] as const)(
    'pdftotext (%s mode) gives back every line of the seed, in order',
    (mode) => {
      expect(firstMissingInOrder(seedLines(), pdfText(result.outputs.pdf!, mode))).toBeUndefined();
    },
  );

  test('a right-aligned date is read right after its title, on its line', () => {
    for (const mode of ['default', 'layout'] as const) {
      const lines = pdfText(result.outputs.pdf!, mode)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const title = lines.indexOf('AB Test Software Engineer Sep 2025 – Present');
      expect(title, mode).toBeGreaterThan(0);
      expect(lines[title + 1], mode).toMatch(/^Technologies:/);
      expect(lines, mode).toContain('Microsoft 2022–2025');
    }
  });

  test('no word is hyphenated across lines', () => {
    for (const mode of ['default', 'layout'] as const) {
      const broken = pdfText(result.outputs.pdf!, mode)
        .split('\n')
        .filter((l) => /\p{L}-$/u.test(l.trimEnd()));
      expect(broken).toEqual([]);
    }
  });

  test('every font is an embedded outline (Type 1) font', () => {
    const fonts = pdfFonts(result.outputs.pdf!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.type, font.name).toBe('Type 1');
      expect(font.embedded, font.name).toBe(true);
    }
  });

  test('the PDF metadata comes from the frontmatter', () => {
    const info = pdfInfo(result.outputs.pdf!);
    expect(info.Title).toBe('Your Name – Résumé');
    expect(info.Author).toBe('Your Name');
    expect(info.Keywords).toContain('C#, AB Test, Big Data, Azure, C++');
    expect(info.Pages).toBe('2');
  });

  test('links are clickable', () => {
    expect(pdfUrls(result.outputs.pdf!)).toContain('mailto:you@example.com');
  });

  test('the standalone .tex typesets the same PDF with a plain pdflatex run beside it', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'mdcv-standalone-'));
    cpSync(outDir, copy, { recursive: true });
    execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'resume.tex'], {
      cwd: copy,
      stdio: 'ignore',
    });
    expect(pdfText(path.join(copy, 'resume.pdf'))).toBe(pdfText(result.outputs.pdf!));
  });
});

describe('the HTML page, in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows every line of the seed in order, is semantic, and loads nothing from outside the file', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${result.outputs.html}`);

    expect(firstMissingInOrder(seedLines(), await page.innerText('body'))).toBeUndefined();
    const headings = await page.$$eval('h1, h2, h3, h4', (els) =>
      els.map((el) => `${el.tagName}:${el.textContent?.trim().split('\n')[0]}`),
    );
    expect(headings.slice(0, 4)).toEqual([
      'H1:Your Name',
      'H2:Experience',
      'H3:Microsoft',
      'H4:AB Test Software Engineer Sep 2025 – Present',
    ]);
    expect(await page.locator('header h1').count()).toBe(1);
    expect(await page.locator('main section h2').count()).toBe(2);
    expect(await page.locator('img.photo').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // Dates in right-hand parts are machine-readable.
    const times = await page.$$eval('time', (els) =>
      els.map((el) => `${el.getAttribute('datetime')}=${el.textContent}`),
    );
    expect(times.slice(0, 3)).toEqual(['2025-09=Sep 2025', '2022-04=Apr 2022', '2025-08=Aug 2025']);
    expect(times).toContain('2018=2018');
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
    expect(requests.filter((url) => url.startsWith('file://'))).toEqual([`file://${result.outputs.html}`]);
    await page.close();
  });

  test('the HTML file carries its styles and photo inline', () => {
    const html = readFileSync(result.outputs.html!, 'utf8');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link\b|<script\b|src="(?!data:)/);
  });
});
