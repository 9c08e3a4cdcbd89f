import { readFile, writeFile } from 'node:fs/promises';
import type { FitSettings } from '../model/build.js';
import type { TypesetResult } from './engine.js';

/**
 * How far `pages:` may tighten: spacing first, in steps down to this percent;
 * then the margin, to this (if wider); then the font, in half points, down to this size.
 */
export const FIT_BOUNDS = { spacing: 70, spacingStep: 10, margin: '0.5in', fontSize: 8, fontStep: 0.5 } as const;

const POINTS_PER: Record<string, number> = { in: 72.27, cm: 28.45, mm: 2.845, pt: 1 };
/** A TeX length (`0.6in`, `15mm`...) in points, for comparing margins. */
function points(length: string): number {
  const [, value, unit] = /^([\d.]+)(in|cm|mm|pt)$/.exec(length) ?? [];
  return Number(value) * (POINTS_PER[unit ?? ''] ?? NaN);
}

export type FitOutcome =
  | { ok: true; result: Extract<TypesetResult, { ok: true }>; chosen: FitSettings; runs: number }
  /** Even the tightest setting needs `needed` pages (a fraction: 1.25 is a quarter of a page over one). */
  | { ok: false; reason: 'too-long'; needed: number; tightest: FitSettings; runs: number }
  | { ok: false; reason: 'engine'; result: Extract<TypesetResult, { ok: false }>; runs: number };

/**
 * Fits a document on at most `pages` pages. Tries the person's own settings
 * first; when they run over, the tightest step (failing fast when even that
 * is too long), then steps in between: first the one the two page counts
 * point to, then by halving, so a fit costs at most six runs, and often four.
 * `typeset` renders and typesets with the given settings; the PDF left in
 * place is the chosen step's (the caller writes the chosen step's .tex).
 */
export async function fitToPages(
  pages: number,
  start: FitSettings,
  typeset: (settings: FitSettings) => Promise<TypesetResult>,
): Promise<FitOutcome> {
  const steps = tighteningSteps(start);
  let runs = 0;
  const used = new Map<number, number>();
  /** The loosest step that fitted so far, with its PDF (a later run overwrites the file). */
  const fitted: { best?: { index: number; result: Extract<TypesetResult, { ok: true }>; pdf: Buffer } } = {};
  const attempt = async (index: number): Promise<Extract<TypesetResult, { ok: false }> | undefined> => {
    runs++;
    const outcome = await typeset(steps[index]!);
    if (!outcome.ok) return outcome;
    used.set(index, pagesUsed(outcome.log));
    if (used.get(index)! <= pages && index < (fitted.best?.index ?? Infinity))
      fitted.best = { index, result: outcome, pdf: await readFile(outcome.pdf) };
    return undefined;
  };
  const engineFailure = (failed: Extract<TypesetResult, { ok: false }>): FitOutcome => ({
    ok: false,
    reason: 'engine',
    result: failed,
    runs,
  });

  let failed = await attempt(0);
  if (failed) return engineFailure(failed);
  if (fitted.best) return { ok: true, result: fitted.best.result, chosen: start, runs };
  const tightest = steps.length - 1;
  if (tightest === 0) return { ok: false, reason: 'too-long', needed: used.get(0)!, tightest: start, runs };
  failed = await attempt(tightest);
  if (failed) return engineFailure(failed);
  if (!fitted.best)
    return { ok: false, reason: 'too-long', needed: used.get(tightest)!, tightest: steps[tightest]!, runs };

  // `tooLong` never fits and `best` does; the first step that fits lies in between.
  let tooLong = 0;
  const fits = () => fitted.best!;
  for (let probe = 0; fits().index - tooLong > 1; probe++) {
    // The first guess interpolates; then halving, since the pages used jump where a block moves to the next page.
    const [over, under] = [used.get(tooLong)!, used.get(fits().index)!];
    const guess =
      probe === 0
        ? tooLong + Math.ceil(((over - pages) / Math.max(over - under, 1e-9)) * (fits().index - tooLong))
        : Math.floor((tooLong + fits().index) / 2);
    const index = Math.min(Math.max(guess, tooLong + 1), fits().index - 1);
    failed = await attempt(index);
    if (failed) return engineFailure(failed);
    if (used.get(index)! > pages) tooLong = index;
  }
  // A later run that did not fit overwrote the chosen one's PDF: put it back.
  await writeFile(fits().result.pdf, fits().pdf);
  return { ok: true, result: fits().result, chosen: steps[fits().index]!, runs };
}

/**
 * The person's settings, then each tighter one: spacing down in steps, the margin, then the font down in half points.
 */
export function tighteningSteps(start: FitSettings): FitSettings[] {
  const steps = [start];
  const next = (change: Partial<FitSettings>): void => void steps.push({ ...steps.at(-1)!, ...change });
  for (
    let spacing = start.spacing - FIT_BOUNDS.spacingStep;
    spacing > FIT_BOUNDS.spacing - FIT_BOUNDS.spacingStep;
    spacing -= FIT_BOUNDS.spacingStep
  ) {
    next({ spacing: Math.max(spacing, FIT_BOUNDS.spacing) });
  }
  if (points(start.margin) > points(FIT_BOUNDS.margin)) next({ margin: FIT_BOUNDS.margin });
  for (
    let fontSize = start.fontSize - FIT_BOUNDS.fontStep;
    fontSize >= FIT_BOUNDS.fontSize;
    fontSize -= FIT_BOUNDS.fontStep
  )
    next({ fontSize });
  return steps;
}

/**
 * Pages used, as a fraction: the themes' machinery logs `mdcv-pages: P T G`
 * at the end (page P, filled T of G); a theme without it gives whole pages.
 */
export function pagesUsed(log: string): number {
  const fill = /^mdcv-pages: (\d+) ([\d.]+)pt ([\d.]+)pt$/m.exec(log);
  if (fill) return Number(fill[1]) - 1 + Math.min(1, Number(fill[2]) / Number(fill[3]));
  return Number(/Output written on .*\((\d+) pages?/.exec(log)?.[1] ?? 0);
}
