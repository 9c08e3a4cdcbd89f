import path from 'node:path';
import { startEngineAhead } from './build/engine-ahead.js';
import { cacheDirOf, prepareBuild, type Prepared } from './build/prepare.js';
import { publishOutputs } from './build/publish.js';
import { buildSelection } from './build/selection.js';
import { selectionsOf, type Selection } from './build/selections.js';
import { failed, progressClock, type BuildState } from './build/state.js';
import { timeoutOf, type BuildOptions, type BuildResult, type BuildSources, type Outputs } from './model/build.js';
import type { Diagnostic } from './model/diagnostic.js';
import { WriteError } from './files/errors.js';
import { localeFile } from './model/locale.js';
import { messages } from './model/messages.js';
import { DEFAULT_FORMATS } from './model/outputs.js';
import { BUILTIN_THEMES_DIR, type Theme } from './render/theme.js';
import { makeScratchDir, removeScratchDir, writeScratchFile } from './scratch.js';
import { checkStamp, hashInputs, writeStamp, type StampCheck } from './stamp.js';
import { deadline } from './typeset/run.js';
import { sandboxStatus } from './typeset/sandbox.js';

/**
 * parse → render → typeset → write, each step in src/build/. Outputs are built
 * in a private folder and moved into `outDir` only once they are all whole,
 * all together, so a failed build keeps the last good files. A file that
 * cannot be written (a full disk, a file where the folder should be) is a
 * WriteError. Without a TeX engine the other formats are still written.
 * `checked` is the stamp check when the caller made it already (the CLI does,
 * before it loads the pipeline), so the Markdown and stamp are read once.
 */
export async function build(options: BuildOptions, checked?: StampCheck): Promise<BuildResult> {
  const since = performance.now();
  const progress = progressClock(options.onProgress);
  const { place, unchanged, engine: lastEngine } = checked ?? (await checkStamp(options));
  if (unchanged) return unchanged;
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  const typeset = formats.has('pdf') || formats.has('png');
  const cacheDir = cacheDirOf(options);
  const workDir = await makeScratchDir();
  // The engine loads its format while the Markdown is parsed and rendered.
  const ahead = typeset ? startEngineAhead(options, lastEngine, workDir) : undefined;
  let found: readonly Diagnostic[] = [];
  try {
    const { prepared, diagnostics } = await prepareBuild({ ...options, since });
    found = diagnostics;
    if (!prepared) return failed(diagnostics);
    progress('parse');
    const sources = sourcesOf(prepared);
    // Hashed as read now, before the build reads them: a change during the build makes the next one run.
    // The built-in themes too: mdcv's machinery is there, and a theme may extend one. A letter's resume is one of them.
    const read = [
      ...sources.themes,
      BUILTIN_THEMES_DIR,
      localeFile(prepared.resume.settings.locale),
      ...[sources.photo, sources.resume].filter((f) => f !== undefined),
    ];
    const inputs = hashInputs(read).catch(() => undefined);
    const selections = selectionsOf(options, prepared.resume, prepared.name, diagnostics);
    const timeout = timeoutOf(options.timeout, prepared.resume.settings.timeout);
    const state: BuildState = {
      options,
      prepared,
      formats,
      workDir,
      cacheDir,
      typeset,
      ahead,
      diagnostics,
      progress,
      timeout,
      // One budget for the whole build: the parse, and every engine run (preamble, passes, `pages:` fitting, variants).
      left: deadline(timeout, since),
      fitted: [],
    };
    if (prepared.photo) writeScratchFile(workDir, prepared.photo.asset.fileName, prepared.photo.bytes);
    const made: { selection: Selection; files: Outputs }[] = [];
    for (const [index, selection] of selections.entries()) {
      const files = await buildSelection(state, selection, index);
      if (!files) return { ...failed(diagnostics), sources };
      made.push({ selection, files });
    }
    const themeLine = options.theme === undefined ? prepared.resume.keyLines.theme : undefined;
    const unsandboxed =
      state.engineUsed && unsandboxedWarning(state.engineUsed.engine, prepared.theme, themeLine, options.file);
    if (unsandboxed) diagnostics.push(unsandboxed);
    const result: BuildResult = { ...publishOutputs(state, path.resolve(options.outDir ?? 'out'), made), sources };
    const hashed = await inputs;
    // Without a cache, nothing is written there either: the last cached build's record stands.
    if (result.ok && place && hashed && cacheDir !== false)
      await writeStamp(place, hashed, result, state.engineUsed, unsandboxed !== undefined).catch(() => undefined);
    return result;
  } catch (error) {
    // A build that cannot write its files still tells what it found on the way.
    if (error instanceof WriteError) error.diagnostics = found;
    throw error;
  } finally {
    await ahead?.cancel();
    await removeScratchDir(workDir);
  }
}

/** What the build reads besides the Markdown: the theme's folders, the photo, and a cover letter's resume. */
function sourcesOf({ resume, theme, letter }: Prepared): BuildSources {
  return {
    themes: theme.dirs,
    ...(resume.person.photo && { photo: resume.person.photo }),
    ...(letter && { resume: letter.resume.file }),
  };
}

/**
 * A theme from outside mdcv is untrusted TeX: when the engine ran without its sandbox,
 * a warning that says what held it (on the `theme:` line, when that chose it).
 */
function unsandboxedWarning(
  engine: string,
  theme: Theme,
  line: number | undefined,
  file: string,
): Diagnostic | undefined {
  const status = theme.builtIn ? undefined : sandboxStatus();
  if (status?.sandboxed !== false) return undefined;
  const message = messages.engineUnsandboxed(engine, theme.name, status.problem ?? 'it cannot run');
  return { file, line, severity: 'warning', message, hint: messages.engineUnsandboxedHint };
}
