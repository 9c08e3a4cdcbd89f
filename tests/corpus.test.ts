import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { launchBrowser } from './support/browser.js';
import { tempDir } from './support/cli.js';
import { fidelity, referenceLabelsShown, referenceText, syntaxShown } from './support/fidelity.js';
import { pdfText } from './support/pdf.js';

/**
 * Resumes written the way other tools' users write them (tests/fixtures/corpus:
 * pandoc, Jekyll, kramdown, GitHub, HTML, Chinese, setext and reference links,
 * a bare `# Name`, Jake's resume, Europass), each built as is. Every output
 * keeps at least 98 % of the words a reference renderer shows, in order
 * (tests/support/fidelity.ts), and shows no Markdown syntax. The PDF is read
 * both ways poppler reads it, in its reading order and in its physical layout,
 * and the closer reading counts: a table is read row by row in the layout, but
 * a cell wrapped over lines is whole only in the reading order.
 */
const CORPUS = path.join(import.meta.dirname, 'fixtures/corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const MIN_FIDELITY = 0.98;

type Output = 'pdf' | 'html' | 'txt';
const outDir = tempDir('corpus');
/** Each output's readings: the PDF has two. */
const texts = new Map<string, Record<Output, string[]>>();
const problems = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const file of FILES) {
    // A cache of this run's own: the suite's shared one may hold trees parsed by other code (its stamp is
    // src/package.ts's age).
    const result = await build({
      file: path.join(CORPUS, file),
      outDir: path.join(outDir, file),
      formats: ['pdf', 'html', 'txt'],
      cacheDir: path.join(outDir, 'cache'),
    });
    if (!result.ok) {
      problems.set(file, result.diagnostics.map((d) => `${d.line ?? ''}: ${d.message}`).join('; '));
      continue;
    }
    const pdf = result.outputs.pdf!;
    texts.set(file, {
      pdf: [pdfText(pdf), pdfText(pdf, 'layout')],
      html: [await pageText(result.outputs.html!)],
      txt: [readFileSync(result.outputs.txt!, 'utf8')],
    });
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** The page's text as a reader sees it in the browser. */
async function pageText(file: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent(readFileSync(file, 'utf8'));
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await page.close();
  }
}

describe('the measure', () => {
  it('counts a word lost or moved, a frontmatter value missing, and sees syntax printed', () => {
    const reference = referenceText(
      '---\nname: Jane Doe\nlayout: cv\n---\n\nOne *two* [three][x] four.\n\n[x]: https://example.com',
    );
    expect(reference).toEqual({ frontmatter: [['jane', 'doe']], body: ['one', 'two', 'three', 'four'] });
    expect(fidelity(reference, 'Jane Doe\nOne two three four').ratio).toBe(1);
    expect(fidelity(reference, 'One two four Jane Doe')).toEqual({ ratio: 5 / 6, total: 6, missing: ['three'] });
    expect(fidelity(reference, 'Jane Doe two one three four').missing).toEqual(['one']);
    expect(fidelity(reference, 'One two three four').missing).toEqual(['jane doe']);
    expect(syntaxShown('| a | b |\n| --- | --- |\n## Skills\nTerm\n: definition')).toHaveLength(3);
    expect(referenceLabelsShown('See [three][x].\n\n[x]: https://example.com', 'See [three][x].')).toEqual(['[three]']);
  });
});

describe.each(FILES)('%s', (file) => {
  const source = readFileSync(path.join(CORPUS, file), 'utf8');

  it('builds as is', () => {
    expect(problems.get(file)).toBeUndefined();
  });

  it.each(['pdf', 'html', 'txt'] as const)(
    '%s: keeps 98 percent of the words in order, and shows no Markdown syntax',
    (output) => {
      const readings = texts.get(file)?.[output];
      expect(readings, problems.get(file)).toBeDefined();
      const reference = referenceText(source);
      const measured = readings!.map((reading) => fidelity(reference, reading)).sort((a, b) => b.ratio - a.ratio)[0]!;
      if (process.env['MDCV_FIDELITY'])
        console.log(
          `${file} ${output} ${(measured.ratio * 100).toFixed(1)} % of ${measured.total}; missing: ${measured.missing.join(' ')}`,
        );
      expect(measured.ratio, `missing: ${measured.missing.join(' ')}`).toBeGreaterThanOrEqual(MIN_FIDELITY);
      for (const reading of readings!)
        expect([...syntaxShown(reading), ...referenceLabelsShown(source, reading)]).toEqual([]);
    },
  );
});
