import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/model/build.js';
import type { FitSettings } from '../../src/model/build.js';
import { FIT_BOUNDS, fitToPages, pagesUsed, tighteningSteps } from '../../src/typeset/fit.js';
import { pdfInfo, pdfText } from '../support/pdf.js';
import { sourceWords, words } from '../support/source.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A copy of a resume with lines added to its frontmatter, in a folder of its own (with the seed's photo). */
function withFrontmatter(file: string, lines: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-fit-'));
  copyFileSync(path.join(ROOT, 'photo.png'), path.join(dir, 'photo.png'));
  const copy = path.join(dir, 'resume.md');
  writeFileSync(copy, readFileSync(file, 'utf8').replace(/^---\n/, `---\n${lines}\n`));
  return copy;
}

describe('tighteningSteps', () => {
  it('tightens spacing first, then the margin, then the font, within the documented bounds', () => {
    const steps = tighteningSteps({ spacing: 100, margin: '0.6in', fontSize: 10 });
    expect(steps.map((s) => `${s.spacing} ${s.margin} ${s.fontSize}`)).toEqual([
      '100 0.6in 10',
      '90 0.6in 10',
      '80 0.6in 10',
      '70 0.6in 10',
      '70 0.5in 10',
      '70 0.5in 9.5',
      '70 0.5in 9',
      '70 0.5in 8.5',
      '70 0.5in 8',
    ]);
  });

  it('never loosens what the person already set tighter', () => {
    expect(tighteningSteps({ spacing: 65, margin: '10mm', fontSize: 8 })).toEqual([
      { spacing: 65, margin: '10mm', fontSize: 8 },
    ]);
    expect(tighteningSteps({ spacing: 75, margin: '0.5in', fontSize: 8.5 }).at(-1)).toEqual({
      spacing: FIT_BOUNDS.spacing,
      margin: '0.5in',
      fontSize: FIT_BOUNDS.fontSize,
    });
  });
});

describe('pagesUsed', () => {
  it('reads the fill of the last page from the log, or whole pages without it', () => {
    expect(pagesUsed('mdcv-pages: 2 170.0pt 680.0pt\n')).toBe(1.25);
    expect(pagesUsed('Output written on resume.pdf (3 pages, 41234 bytes).')).toBe(3);
  });
});

describe('fitToPages, searching', () => {
  // The search alone, over a made-up page count that falls as the steps tighten: the real runs are below.
  const search = async (usedAt: (step: number) => number, pages = 1) => {
    const steps = tighteningSteps({ spacing: 100, margin: '0.6in', fontSize: 10 });
    const tried: number[] = [];
    const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'mdcv-fit-')), 'x.pdf');
    const outcome = await fitToPages(pages, steps[0]!, async (settings: FitSettings) => {
      const step = steps.findIndex((s) => JSON.stringify(s) === JSON.stringify(settings));
      tried.push(step);
      writeFileSync(pdf, `step ${step}`);
      return {
        ok: true,
        engine: 'pdflatex',
        pdf,
        passes: 1,
        log: `mdcv-pages: ${Math.ceil(usedAt(step))} ${((usedAt(step) % 1 || 1) * 100).toFixed(1)}pt 100pt`,
      };
    });
    return { outcome, tried, steps, pdf };
  };

  it('stops after one run when the resume fits as it is', async () => {
    const { outcome, tried } = await search(() => 0.9);
    expect(outcome).toMatchObject({ ok: true, runs: 1 });
    expect(tried).toEqual([0]);
  });

  it('fails after two runs when even the tightest step is too long', async () => {
    const { outcome } = await search(() => 1.4);
    expect(outcome).toMatchObject({ ok: false, reason: 'too-long', needed: 1.4, runs: 2 });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'finds the first step that fits (step %i) in at most six runs, leaving its PDF',
    async (first) => {
      const { outcome, tried, steps, pdf } = await search((step) =>
        step >= first ? 0.95 - step * 0.01 : 1.5 - step * 0.05,
      );
      expect(outcome).toMatchObject({ ok: true, chosen: steps[first] });
      expect(tried.length).toBeLessThanOrEqual(6);
      expect(readFileSync(pdf, 'utf8')).toBe(`step ${first}`);
    },
  );
});

describe('pages: 1, with real pdflatex', () => {
  let seed: { file: string; result: BuildResult };
  let long: { file: string; result: BuildResult };
  beforeAll(async () => {
    const seedFile = withFrontmatter(path.join(ROOT, 'resume.md'), 'pages: 1\npaper: a4');
    const longFile = withFrontmatter(path.join(ROOT, 'tests/fixtures/long/resume.md'), 'pages: 1');
    const [seedResult, longResult] = await Promise.all([
      build({ file: seedFile, outDir: path.join(path.dirname(seedFile), 'out') }),
      build({ file: longFile, outDir: path.join(path.dirname(longFile), 'out') }),
    ]);
    seed = { file: seedFile, result: seedResult };
    long = { file: longFile, result: longResult };
  });

  it('puts the whole seed on one A4 page, every word in order, and says what it chose', () => {
    expect(seed.result.diagnostics).toEqual([]);
    const pdf = seed.result.outputs.pdf!;
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^595\.\d* x 841\.\d* pts \(A4\)$/);
    expect(words(pdfText(pdf, 'layout'))).toEqual(sourceWords(seed.file));
    expect(seed.result.fitted).toEqual([expect.objectContaining({ name: 'resume', pages: 1 })]);
    const [fit] = seed.result.fitted!;
    expect(fit!.runs).toBeLessThanOrEqual(6);
    // The .tex written is the one typeset: its settings are those reported.
    const tex = readFileSync(seed.result.outputs.tex!, 'utf8');
    expect(tex).toContain(`\\newcommand\\mdcvfontsize{${fit!.fontSize}}`);
    expect(tex).toContain(`\\newcommand\\mdcvspacing{${fit!.spacing}}`);
  });

  it('fails on a resume too long for the budget, saying by how much, at the `pages:` line', () => {
    expect(long.result.ok).toBe(false);
    expect(long.result.diagnostics).toEqual([
      expect.objectContaining({
        file: long.file,
        line: 2,
        severity: 'error',
        message: expect.stringMatching(
          /^does not fit on 1 page: even at 8pt, 70% spacing and 0\.5in margins it needs [\d.]+ pages, \d+% of a page too long$/,
        ),
      }),
    ]);
  });
});
