// The build's own files are small and local: written and read synchronously, since a
// round trip through libuv's thread pool costs more than the work, and a build makes dozens.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from './cache.js';
import { makeFolder, publishSet, writing, WriteError } from './files.js';
import type { Diagnostic } from './model/diagnostic.js';
import { atValue, hasErrors } from './model/diagnostic.js';
import { messages } from './model/messages.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, outputName, type OutputFormat } from './model/outputs.js';
import type { Resume } from './model/resume.js';
import { selectTags, tagsIn } from './model/select.js';
import { localeFile } from './model/locale.js';
import { chooseEngine, type EngineChoice } from './model/scripts.js';
import { parseResume } from './parse/index.js';
import { readSource } from './parse/read.js';
import { loadTheme, NoTheme, renderHtml, renderLatex, renderText, settingsFor, ThemeError, type PhotoAsset, type Theme } from './render/index.js';
import { makeScratchDir, removeScratchDir } from './scratch.js';
import { BUILTIN_THEMES_DIR } from './render/theme.js';
import { checkStamp, hashInputs, writeStamp, type EngineRecord, type StampCheck } from './stamp.js';
import { typesetCached, type CachedTypesetResult } from './typeset/cached.js';
import { DEFAULT_ENGINE, DEFAULT_TIMEOUT } from './typeset/engine.js';
import { readLostCharacters, readOverflows } from './typeset/log.js';
import { readPhoto } from './photo.js';
import { deadline } from './typeset/run.js';
import { sandboxStatus } from './typeset/sandbox.js';
import { startStandby, type Standby } from './typeset/standby.js';
import type { FitOutcome, FitSettings } from './typeset/fit.js';

export { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from './model/outputs.js';

/** A finished step of a build and how long it took, for progress reports. */
export interface BuildProgress {
  step: 'parse' | 'render' | 'typeset';
  ms: number;
  /** The variant being built, when it is not the main resume. */
  variant?: string;
}

export interface BuildOptions {
  /** The resume's Markdown file. */
  file: string;
  /** Where the outputs go (default `out/` in the current folder). */
  outDir?: string;
  /** A theme name or folder, over the frontmatter's `theme:`. */
  theme?: string;
  /** Which files to write (default pdf, html and tex). */
  formats?: readonly OutputFormat[];
  /** Keep only what is untagged or carries one of these tags (and build no variants). */
  tags?: readonly string[];
  /** Engine timeout in ms, over the frontmatter's `timeout:` (in seconds). */
  timeout?: number;
  /** Called as each step finishes; the library never prints. */
  onProgress?: (progress: BuildProgress) => void;
  /** `false` builds from scratch: no precompiled preamble, no skipping an unchanged build. */
  cache?: boolean;
  /** Where precompiled preambles and build stamps are kept (default `defaultCacheDir()`). */
  cacheDir?: string;
  /** Keep an engine started and waiting for the next build (for a watch session). */
  keepWarm?: boolean;
  /**
   * Start the engine before parsing, to run beside the build's own work (default
   * true). A caller running as many builds at once as there are cores has none to spare.
   */
  engineAhead?: boolean;
}

export type Outputs = Partial<Record<OutputFormat, string>>;

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The files written, by kind. */
  outputs: Outputs;
  /** The files written for each variant of the frontmatter's `variants:`. */
  variants: Record<string, Outputs>;
  /** Nothing had changed since the last build: the outputs were left as they were. */
  unchanged?: boolean;
  /** What `pages:` chose, for each PDF it fitted (by output name), and how many runs it took. */
  fitted?: (FitSettings & { name: string; pages: number; runs: number })[];
}

/** What a build reads before it renders: what `mdcv validate` checks. */
export interface Prepared {
  resume: Resume;
  theme: Theme;
  /** The outputs' base name (`resume` for resume.md). */
  name: string;
  photo?: { asset: PhotoAsset; bytes: Buffer };
  /** The Markdown's lines, to show the one a later problem is on. */
  sourceLines: string[];
  /** The TeX engine the text calls for (or `engine:` asks for). */
  engine: EngineChoice;
}

/**
 * read → parse → load the theme and the photo. Every problem found on the
 * way is in `diagnostics`; `prepared` is there only when none is an error.
 */
export async function prepareBuild(options: Pick<BuildOptions, 'file' | 'theme' | 'cache' | 'cacheDir'>): Promise<{ prepared?: Prepared; diagnostics: Diagnostic[] }> {
  const file = options.file;
  const read = await readSource(file);
  if (!read.ok) return { diagnostics: [read.diagnostic] };

  const cacheDir = cacheDirOf(options);
  const parsed = parseResume(read.source, file);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.resume || hasErrors(diagnostics)) return { diagnostics };
  const resume = parsed.resume;

  const name = outputName(file);
  const sourceLines = read.source.split(/\r?\n/);
  const theme = await loadThemeFor(resume, options.theme, cacheDir, diagnostics, sourceLines);
  // A theme without a photo leaves it out of every output (and need not find it).
  const photo = theme?.photo === false ? undefined : await readPhoto(resume, name, diagnostics, sourceLines);
  if (theme?.photo === false && resume.person.photo) diagnostics.push({ file, line: resume.keyLines.photo, severity: 'warning', message: messages.photoNotShown(theme.name), hint: messages.photoNotShownHint });
  const { choice: engine, diagnostics: engineProblems } = chooseEngine(resume);
  diagnostics.push(...engineProblems);
  if (!theme || hasErrors(diagnostics)) return { diagnostics };
  return { prepared: { resume, theme, name, photo, sourceLines, engine }, diagnostics };
}

/**
 * parse → render → typeset → write. Outputs are built in a private folder
 * and moved into `outDir` only once they are all whole, all together, so a
 * failed build keeps the last good files. A file that cannot be written (a
 * full disk, a file where the folder should be) is a WriteError, carrying the build's diagnostics so far.
 * Without a TeX engine the other formats are still written.
 * `checked` is the stamp check when the caller made it already (the CLI does,
 * before it loads the pipeline), so the Markdown and stamp are read once.
 */
export async function build(options: BuildOptions, checked?: StampCheck): Promise<BuildResult> {
  const file = options.file;
  const outDir = path.resolve(options.outDir ?? 'out');
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  let clock = performance.now();
  const done = (step: BuildProgress['step'], variant?: string): void => {
    const now = performance.now();
    options.onProgress?.({ step, ms: now - clock, ...(variant !== undefined && { variant }) });
    clock = now;
  };

  const { stamp, unchanged, engine: lastEngine } = checked ?? (await checkStamp(options));
  if (unchanged) return unchanged;
  let typeset = formats.has('pdf') || formats.has('png');
  const cacheDir = cacheDirOf(options);
  const workDir = await makeScratchDir();
  // The engine loads its format while the Markdown is parsed and rendered; a watch session keeps its own waiting.
  let ahead = typeset && !options.keepWarm && options.engineAhead !== false ? startEngineAhead(options, lastEngine, workDir) : undefined;
  let found: readonly Diagnostic[] = [];
  try {
    const { prepared, diagnostics } = await prepareBuild(options);
    found = diagnostics;
    const fail = (): BuildResult => ({ ok: false, diagnostics, outputs: {}, variants: {}, fitted: [] });
    const fitted: NonNullable<BuildResult['fitted']> = [];
    if (!prepared) return fail();
    const { resume, theme, name, photo, sourceLines, engine } = prepared;
    done('parse');
    // Hashed as read now, before the build reads them: a change during the build makes the next one run.
    // The built-in themes too: mdcv's machinery is there, and a theme may extend one.
    const inputs = hashInputs([...theme.dirs, BUILTIN_THEMES_DIR, localeFile(resume.settings.locale), ...(resume.person.photo ? [resume.person.photo] : [])]).catch(() => undefined);

    // One selection without --tag and variants, or just the --tag one; each is written as NAME[-variant].*
    const selections: { name: string; variant?: string; tags?: readonly string[] }[] = options.tags
      ? [{ name: outputName(file, options.tags), tags: options.tags }]
      : [{ name }, ...Object.entries(resume.settings.variants ?? {}).map(([variant, tags]) => ({ name: `${name}-${variant}`, variant, tags }))];
    const used = tagsIn(resume);
    for (const tag of new Set(selections.flatMap((s) => s.tags ?? []))) {
      if (!used.has(tag)) diagnostics.push({ file, line: options.tags ? undefined : resume.keyLines.variants, severity: 'warning', message: messages.tagUnused(tag) });
    }

    const timeout = options.timeout ?? (resume.settings.timeout !== undefined ? resume.settings.timeout * 1000 : DEFAULT_TIMEOUT);
    // One budget for every engine run of the build: preamble, passes, `pages:` fitting, variants.
    const left = deadline(timeout);
    if (photo) written(workDir, photo.asset.fileName, photo.bytes);
    const staged: { name: string; variant?: string; files: Outputs }[] = [];
    let engineUsed: EngineRecord | undefined;
    for (const [index, selection] of selections.entries()) {
      const job = engineJobname(index);
      const selected = selection.tags ? selectTags(resume, selection.tags) : resume;
      const files: Outputs = {};
      let tex = '';
      const withFit = (settings: FitSettings) => renderLatex({ ...selected, settings: { ...selected.settings, ...settings } }, theme, photo?.asset, engine);
      let started!: () => void;
      const engineHasIt = new Promise<void>((resolve) => (started = resolve));
      const typesetWith = async (settings?: FitSettings) => {
        // `pages:` retypesets with tighter settings; each would be a preamble of its own, so those runs skip the cache.
        if (settings) written(workDir, `${job}.tex`, (tex = withFit(settings)));
        // The engine started ahead serves the first run only (it is stopped if it cannot).
        const standby = ahead;
        ahead = undefined;
        return typesetCached({ dir: workDir, jobname: job, engine: engine.engine, timeout: left(), cacheDir: settings ? false : cacheDir, standby, keepWarm: options.keepWarm, started });
      };
      const pages = resume.settings.pages;
      let typesetting: Promise<{ fit?: FitOutcome; result?: CachedTypesetResult }> | undefined;
      try {
        if (typeset || formats.has('tex')) files.tex = written(workDir, `${job}.tex`, (tex = renderLatex(selected, theme, photo?.asset, engine)));
        // The engine typesets while the other formats are rendered, once it has the document.
        if (typeset) {
          typesetting = pages === undefined ? typesetWith().then((result) => ({ result })) : fitOf(pages, startOfFit(selected, theme), typesetWith);
          await Promise.race([engineHasIt, typesetting]);
        }
        if (formats.has('html')) files.html = written(workDir, `${job}.html`, renderHtml(selected, theme, photo?.asset));
        if (formats.has('txt')) files.txt = written(workDir, `${job}.txt`, renderText(selected));
        if (formats.has('json')) files.json = written(workDir, `${job}.json`, await jsonResume(selected, diagnostics));
      } catch (error) {
        // Not before the engine is done with the folder.
        await typesetting?.catch(() => undefined);
        if (!(error instanceof ThemeError)) throw error;
        diagnostics.push({ file: error.file, line: error.line, severity: 'error', message: error.message });
        return fail();
      }
      done('render', selection.variant);
      if (typesetting) {
        const { fit, result } = await typesetting;
        if (!result) {
          // Only `pages:` that even the tightest settings cannot meet leaves no run to report.
          if (fit && !fit.ok && fit.reason === 'too-long') diagnostics.push({ file, line: resume.keyLines.pages, severity: 'error', message: messages.pagesTooLong(pages!, fit.needed, fit.tightest), hint: messages.pagesTooLongHint(fit.needed) });
          return fail();
        }
        if (fit?.ok) {
          fitted.push({ name: selection.name, pages: pages!, runs: fit.runs, ...fit.chosen });
          // The .tex published is the one the PDF came from.
          written(workDir, `${job}.tex`, (tex = withFit(fit.chosen)));
        }
        if (!result.ok) {
          // What only some builds need is loaded when one does: a failed run's diagnostics, a PNG, JSON, `pages:`.
          const { engineDiagnostics } = await import('./typeset/diagnostics.js');
          diagnostics.push(...engineDiagnostics(result, resume, { tex, timeout, sourceLines, photoFile: photo?.asset.fileName }));
          // A missing engine is no reason to withhold the other formats; any other failure keeps the last good set.
          if (result.reason !== 'missing-engine') return fail();
          typeset = false;
          staged.push({ ...selection, files });
          continue;
        }
        const lost = readLostCharacters(result.log);
        if (lost.length > 0) {
          const { lostCharacterDiagnostics } = await import('./typeset/diagnostics.js');
          diagnostics.push(...lostCharacterDiagnostics(lost, file, sourceLines, result.log));
          return fail();
        }
        engineUsed ??= { engine: result.engine, format: result.format };
        files.pdf = result.pdf;
        const overflows = readOverflows(result.log);
        if (overflows.length > 0) {
          const { overflowDiagnostics } = await import('./typeset/diagnostics.js');
          // Variants share lines: each is told once.
          addOnce(diagnostics, overflowDiagnostics(overflows, resume, { tex, sourceLines }));
        }
        if (formats.has('png')) {
          const { firstPageToPng } = await import('./typeset/png.js');
          const png = await firstPageToPng(result.pdf);
          if (!png.ok) {
            diagnostics.push({ file, severity: 'error', message: png.message, hint: png.hint });
            return fail();
          }
          files.png = png.file;
        }
        done('typeset', selection.variant);
      }
      staged.push({ ...selection, files });
    }

    const unsandboxed = engineUsed && unsandboxedWarning(engineUsed.engine, theme, options.theme === undefined ? resume.keyLines.theme : undefined, file);
    if (unsandboxed) diagnostics.push(unsandboxed);
    const result: BuildResult = { ok: !hasErrors(diagnostics), diagnostics, outputs: {}, variants: {}, fitted };
    const set: { from: string; to: string }[] = [];
    for (const selection of staged) {
      const outputs: Outputs = {};
      for (const format of OUTPUT_FORMATS) {
        const from = selection.files[format];
        if (from && formats.has(format)) set.push({ from, to: (outputs[format] = path.join(outDir, `${selection.name}.${format}`)) });
      }
      if (selection.variant === undefined) result.outputs = outputs;
      else result.variants[selection.variant] = outputs;
    }
    if (photo && formats.has('tex')) set.push({ from: path.join(workDir, photo.asset.fileName), to: path.join(outDir, photo.asset.fileName) });
    // All of the set or none of it: a full disk keeps the last good PDF, HTML and .tex together.
    makeFolder(outDir);
    publishSet(set);
    const read = await inputs;
    // Without a cache, nothing is written there either: the last cached build's record stands.
    if (result.ok && stamp && read && cacheDir !== false) await writeStamp(stamp, read, result, engineUsed).catch(() => undefined);
    return result;
  } catch (error) {
    // A build that cannot write its files still tells what it found on the way.
    if (error instanceof WriteError) error.diagnostics = found;
    throw error;
  } finally {
    await (await ahead?.catch(() => undefined))?.cancel();
    await removeScratchDir(workDir);
  }
}

/**
 * Starts the engine this build will most likely run, in its folder, before
 * anything is parsed: the one the last build of these outputs ran, on the
 * same precompiled preamble; without a cache, the default engine on its own
 * format. A wrong guess is stopped unused.
 */
function startEngineAhead(options: BuildOptions, last: EngineRecord | undefined, dir: string): Promise<Standby | undefined> {
  const jobname = engineJobname(0);
  if (options.cache === false) return startStandby({ engine: DEFAULT_ENGINE, jobname, dir });
  // A first build makes its format first: nothing to start ahead.
  return last ? startStandby({ ...last, jobname, dir }) : Promise.resolve(undefined);
}

/**
 * The name of a selection's files in the build folder, which the engine is given: one mdcv
 * chose, never the resume's file name (`\input{x}.md` would be TeX, `-jobname=x.md` an option).
 * The outputs take the resume's name as they are published.
 */
function engineJobname(index: number): string {
  return index === 0 ? 'resume' : `resume-${index + 1}`;
}

/** `pages:` fitting, with the run that stands: the chosen one, or the one that failed (none when the pages cannot be met). */
async function fitOf(pages: number, start: FitSettings, typesetWith: (settings: FitSettings) => Promise<CachedTypesetResult>): Promise<{ fit: FitOutcome; result?: CachedTypesetResult }> {
  const { fitToPages } = await import('./typeset/fit.js');
  const fit = await fitToPages(pages, start, typesetWith);
  return { fit, result: 'result' in fit ? fit.result : undefined };
}

/**
 * A theme from outside mdcv is untrusted TeX: when the engine ran without its sandbox,
 * a warning that says what held it (on the `theme:` line, when that chose it).
 */
function unsandboxedWarning(engine: string, theme: Theme, line: number | undefined, file: string): Diagnostic | undefined {
  const status = theme.builtIn ? undefined : sandboxStatus();
  if (status?.sandboxed !== false) return undefined;
  const message = messages.engineUnsandboxed(engine, theme.name, status.problem ?? 'it cannot run');
  return { file, line, severity: 'warning', message, hint: messages.engineUnsandboxedHint };
}

/** The build's cache folder, or `false` without a cache. */
function cacheDirOf(options: Pick<BuildOptions, 'cache' | 'cacheDir'>): string | false {
  return options.cache === false ? false : (options.cacheDir ?? defaultCacheDir());
}

/** The JSON Resume export; what it leaves out is reported once, for the full resume. */
async function jsonResume(resume: Resume, diagnostics: Diagnostic[]): Promise<string> {
  const { resumeToJsonResume } = await import('./jsonresume/index.js');
  const { data, diagnostics: found } = resumeToJsonResume(resume);
  addOnce(diagnostics, found);
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Adds what is not told already (the same message on the same line). */
function addOnce(diagnostics: Diagnostic[], found: readonly Diagnostic[]): void {
  for (const d of found) if (!diagnostics.some((seen) => seen.message === d.message && seen.line === d.line)) diagnostics.push(d);
}

/** Where `pages:` starts from: the settings in force. */
function startOfFit(resume: Resume, theme: Theme): FitSettings {
  const settings = settingsFor(resume, theme);
  return { spacing: settings.spacing, margin: String(settings['margin'] ?? '0.6in'), fontSize: Number(settings['fontSize'] ?? 10) };
}

async function loadThemeFor(
  resume: Resume,
  override: string | undefined,
  cacheDir: string | false,
  diagnostics: Diagnostic[],
  sourceLines: readonly string[],
): Promise<Theme | undefined> {
  const name = override ?? resume.settings.theme;
  try {
    return await loadTheme(name, path.dirname(path.resolve(resume.file)), { cacheDir });
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    // A theme that is none is the frontmatter's mistake; one in a theme's file, that file's.
    const fromFrontmatter = override === undefined && error instanceof NoTheme;
    const at = fromFrontmatter ? atValue(resume.file, sourceLines, resume.keyLines.theme) : { file: error.file, line: error.line };
    diagnostics.push({ ...at, severity: 'error', message: error.message, ...(error.hint && { hint: error.hint }) });
    return undefined;
  }
}

/** A file of the build's scratch folder (a full temporary folder is a WriteError naming it). */
function written(dir: string, fileName: string, content: string | Uint8Array): string {
  const file = path.join(dir, fileName);
  writing(file, () => writeFileSync(file, content));
  return file;
}
