import path from 'node:path';
import { defaultCacheDir } from '../cache.js';
import type { BuildOptions } from '../model/build.js';
import { atValue, hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { outputName } from '../model/outputs.js';
import type { Resume } from '../model/resume.js';
import type { Letter } from '../model/letter.js';
import { chooseEngine, type EngineChoice, type PrintedText } from '../model/scripts.js';
import { isLetter } from '../parse/letter.js';
import { parseResumeBounded } from '../parse/bounded.js';
import type { ParseBudget } from '../parse/index.js';
import { readSource } from '../parse/read.js';
import { readPhoto } from '../photo.js';
import {
  loadTheme,
  NoTheme,
  RESUME_RENDERERS,
  ThemeError,
  type PhotoAsset,
  type Renderers,
  type Theme,
} from '../render/index.js';

/** What a build reads before it renders: what `mdcv validate` checks. */
export interface Prepared {
  /**
   * The resume; for a cover letter, its resume as the letter's header, settings and diagnostics see it (see letter.ts).
   */
  resume: Resume;
  theme: Theme;
  /** The outputs' base name (`resume` for resume.md). */
  name: string;
  photo?: { asset: PhotoAsset; bytes: Buffer };
  /** The Markdown's lines, to show the one a later problem is on. */
  sourceLines: string[];
  /** The TeX engine the text calls for (or `engine:` asks for). */
  engine: EngineChoice;
  /** How it renders: as a resume, or as the cover letter it is. */
  render: Renderers;
  /** Present for a cover letter (the file has `resume:`). */
  letter?: Letter;
}

/** `since`: when the build began (`performance.now()`), for its timeout to bound the parse too. */
export type PrepareOptions = Pick<BuildOptions, 'file' | 'theme' | 'cache' | 'cacheDir' | 'timeout'> & {
  since?: number;
};

/**
 * read → parse → load the theme and the photo. Every problem found on the
 * way is in `diagnostics`; `prepared` is there only when none is an error.
 */
export async function prepareBuild(
  options: PrepareOptions,
): Promise<{ prepared?: Prepared; diagnostics: Diagnostic[] }> {
  const read = await readSource(options.file);
  return read.ok ? prepareSource(read.source, options) : { diagnostics: [read.diagnostic] };
}

/** `prepareBuild` for a file already read (a pipe can be read only once). */
export async function prepareSource(
  source: string,
  options: PrepareOptions,
): Promise<{ prepared?: Prepared; diagnostics: Diagnostic[] }> {
  const { file } = options;
  if (isLetter(source)) {
    const { prepareLetter } = await import('../letter.js');
    return prepareLetter(source, options);
  }
  const { resume, sourceLines, diagnostics } = await parsedResume(source, file, budgetOf(options));
  if (!resume || hasErrors(diagnostics)) return { diagnostics };
  const look = await prepareLook(resume, { ...options, name: outputName(file), sourceLines }, diagnostics);
  return { prepared: look && { ...look, sourceLines, render: RESUME_RENDERERS }, diagnostics };
}

/**
 * What a parsed resume is typeset with: its theme, its photo and the engine
 * for the text printed (its own, and `printed`, a letter's). Undefined when
 * something of it is an error (in `diagnostics`).
 */
export async function prepareLook(
  resume: Resume,
  options: Omit<PrepareOptions, 'file'> & {
    name: string;
    sourceLines: readonly string[];
    printed?: Iterable<PrintedText>;
  },
  diagnostics: Diagnostic[],
): Promise<Pick<Prepared, 'resume' | 'theme' | 'name' | 'photo' | 'engine'> | undefined> {
  const { name, sourceLines } = options;
  const theme = await loadThemeFor(resume, options.theme, cacheDirOf(options), diagnostics, sourceLines);
  // A theme without a photo leaves it out of every output (and need not find it).
  const photo = theme?.photo === false ? undefined : await readPhoto(resume, name, diagnostics, sourceLines);
  if (theme?.photo === false && resume.person.photo)
    diagnostics.push({
      file: resume.file,
      line: resume.keyLines.photo,
      severity: 'warning',
      message: messages.photoNotShown(theme.name),
      hint: messages.photoNotShownHint,
    });
  const { choice: engine, diagnostics: engineProblems } = chooseEngine(resume, options.printed);
  diagnostics.push(...engineProblems);
  if (!theme || hasErrors(diagnostics)) return undefined;
  return { resume, theme, name, photo, engine };
}

/** The resume as parsed (none when the text is no resume), with what the parse found. */
export async function parsedResume(
  source: string,
  file: string,
  budget?: ParseBudget,
): Promise<{ resume?: Resume; sourceLines: string[]; diagnostics: Diagnostic[] }> {
  const parsed = await parseResumeBounded(source, file, budget);
  return { resume: parsed.resume, sourceLines: source.split(/\r?\n/), diagnostics: [...parsed.diagnostics] };
}

/** The parse's share of the build's timeout, when the build keeps time. */
export function budgetOf(options: PrepareOptions): ParseBudget | undefined {
  return options.since === undefined ? undefined : { since: options.since, timeout: options.timeout };
}

/** The theme the resume (or `override`) names; undefined, with its diagnostic added, when it cannot be loaded. */
export async function loadThemeFor(
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
    diagnostics.push({
      ...error.toDiagnostic(),
      ...(fromFrontmatter && atValue(resume.file, sourceLines, resume.keyLines.theme)),
    });
    return undefined;
  }
}

/** The build's cache folder, or `false` without a cache. */
export function cacheDirOf(options: Pick<BuildOptions, 'cache' | 'cacheDir'>): string | false {
  return options.cache === false ? false : (options.cacheDir ?? defaultCacheDir());
}
