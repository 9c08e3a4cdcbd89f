import type { FitSettings, Outputs } from '../model/build.js';
import { addOnce, type Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import type { Resume } from '../model/resume.js';
import { settingsFor, type Theme } from '../render/index.js';
import { typesetCached, type CachedTypesetResult } from '../typeset/cached.js';
import type { FitOutcome } from '../typeset/fit.js';
import { readLostCharacters, readOverflows } from '../typeset/log.js';
import type { Prepared } from './prepare.js';
import type { LatexSource } from './render.js';
import type { BuildState } from './state.js';

/**
 * A selection's engine run: the one that stands, and with `pages:` how the
 * fitting went (no run when the pages cannot be met).
 */
export interface Typesetting {
  fit?: FitOutcome;
  result?: CachedTypesetResult;
}

/**
 * Starts typesetting a selection's .tex (in the build folder already), fitted
 * to `pages:` when the resume asks. `handedOver` settles once the engine has
 * the document: the other formats are rendered while it typesets.
 */
export function startTypesetting(
  state: BuildState,
  job: string,
  selected: Resume,
  latex: LatexSource,
): { running: Promise<Typesetting>; handedOver: Promise<void> } {
  let started!: () => void;
  const handedOver = new Promise<void>((resolve) => (started = resolve));
  const typesetWith = async (settings?: FitSettings): Promise<CachedTypesetResult> => {
    // `pages:` retypesets with tighter settings; each would be a preamble of its own, so those runs skip the cache.
    if (settings) latex.write(settings);
    const { workDir: dir, cacheDir, options } = state;
    const standby = state.ahead?.take();
    return typesetCached({
      dir,
      jobname: job,
      engine: state.prepared.engine.engine,
      timeout: state.left(),
      cacheDir: settings ? false : cacheDir,
      standby,
      keepWarm: options.keepWarm,
      started,
    });
  };
  const pages = state.prepared.resume.settings.pages;
  const running =
    pages === undefined
      ? typesetWith().then((result) => ({ result }))
      : fitOf(pages, startOfFit(selected, state.prepared.theme), typesetWith);
  return { running, handedOver };
}

/**
 * The PDF (and the PNG of its first page) a selection's run made; undefined
 * when the run failed, its diagnostics added. A missing engine is no failure:
 * no PDF, and none for the selections after it, but the other formats stand.
 */
export async function finishTypesetting(
  state: BuildState,
  { fit, result }: Typesetting,
  latex: LatexSource,
  name: string,
): Promise<Outputs | undefined> {
  const {
    diagnostics,
    options: { file },
  } = state;
  const { resume, sourceLines, photo } = state.prepared;
  const pages = resume.settings.pages;
  if (!result) {
    // Only `pages:` that even the tightest settings cannot meet leaves no run to report.
    if (fit && !fit.ok && fit.reason === 'too-long') diagnostics.push(tooLong(state.prepared, file, fit));
    return undefined;
  }
  if (fit?.ok) {
    // A letter is always fitted to its page: told only when it had to be tightened.
    if (!state.prepared.letter || fit.runs > 1)
      state.fitted.push({ name, pages: pages!, runs: fit.runs, ...fit.chosen });
    // The .tex published is the one the PDF came from.
    latex.write(fit.chosen);
  }
  if (!result.ok) {
    // What only some builds need is loaded when one does: a failed run's diagnostics, a PNG, JSON, `pages:`.
    const { engineDiagnostics } = await import('../typeset/diagnostics.js');
    diagnostics.push(
      ...engineDiagnostics(result, resume, {
        tex: latex.tex,
        timeout: state.timeout,
        sourceLines,
        photoFile: photo?.asset.fileName,
      }),
    );
    // A missing engine is no reason to withhold the other formats; any other failure keeps the last good set.
    if (result.reason !== 'missing-engine') return undefined;
    state.typeset = false;
    return {};
  }
  const lost = readLostCharacters(result.log);
  if (lost.length > 0) {
    const { lostCharacterDiagnostics } = await import('../typeset/diagnostics.js');
    diagnostics.push(...lostCharacterDiagnostics(lost, file, sourceLines, result.log));
    return undefined;
  }
  state.engineUsed ??= { engine: result.engine, format: result.format };
  const overflows = readOverflows(result.log);
  if (overflows.length > 0) {
    const { overflowDiagnostics } = await import('../typeset/diagnostics.js');
    addOnce(diagnostics, overflowDiagnostics(overflows, resume, { tex: latex.tex, sourceLines }));
  }
  if (!state.formats.has('png')) return { pdf: result.pdf };
  const { firstPageToPng } = await import('../typeset/png.js');
  const png = await firstPageToPng(result.pdf);
  if (!png.ok) {
    diagnostics.push({ file, severity: 'error', message: png.message, hint: png.hint });
    return undefined;
  }
  return { pdf: result.pdf, png: png.file };
}

/** `pages:` fitting, with the run that stands: the chosen one, or the one that failed. */
async function fitOf(
  pages: number,
  start: FitSettings,
  typesetWith: (settings: FitSettings) => Promise<CachedTypesetResult>,
): Promise<Typesetting> {
  const { fitToPages } = await import('../typeset/fit.js');
  const fit = await fitToPages(pages, start, typesetWith);
  return { fit, result: 'result' in fit ? fit.result : undefined };
}

/** Where `pages:` starts from: the settings in force. */
function startOfFit(resume: Resume, theme: Theme): FitSettings {
  const settings = settingsFor(resume, theme);
  return {
    spacing: settings.spacing,
    margin: String(settings['margin'] ?? '0.6in'),
    fontSize: Number(settings['fontSize'] ?? 10),
  };
}

/** Why `pages:` (a letter's one page) cannot be met, on the line that asks for it (a letter's last line). */
function tooLong(
  { resume, letter, sourceLines }: Prepared,
  file: string,
  fit: Extract<FitOutcome, { reason: 'too-long' }>,
): Diagnostic {
  const pages = resume.settings.pages!;
  if (letter) {
    const last = sourceLines.length - [...sourceLines].reverse().findIndex((line) => line.trim() !== '');
    return {
      file,
      line: last,
      severity: 'error',
      message: messages.letterTooLong(fit.needed, fit.tightest),
      hint: messages.letterTooLongHint,
    };
  }
  return {
    file,
    line: resume.keyLines.pages,
    severity: 'error',
    message: messages.pagesTooLong(pages, fit.needed, fit.tightest),
    hint: messages.pagesTooLongHint(fit.needed),
  };
}
