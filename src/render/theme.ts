import { existsSync, realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { messages } from '../model/messages.js';
import { themeDefaultsSchema } from '../model/schema.js';
import { nearest } from '../parse/suggest.js';
import { fileStates, FolderTooLarge, isInside, listFiles, readConfined, WALK_LIMITS } from '../files.js';
import { PACKAGE_ROOT } from '../package.js';
import { createEnvironment, type OutputLanguage } from './environment.js';
import { htmlLanguage } from './html/language.js';
import { latexLanguage } from './latex/language.js';
import { cachedTemplate, type SpecSources } from './template-cache.js';
import { NoTheme, ThemeError } from './theme-error.js';

/** The built-in themes ship in the package, beside the code. */
export const BUILTIN_THEMES_DIR = path.join(PACKAGE_ROOT, 'templates');

export type Template = (view: object) => string;

export interface Theme {
  name: string;
  description: string;
  dir: string;
  /** Default settings (font, sizes, colours...) from `theme.yaml`, over those of the theme it extends. */
  defaults: Record<string, unknown>;
  /** Whether it shows the person's photo (`photo: false` in `theme.yaml` says it does not). */
  photo: boolean;
  /** Whether each contact gets an icon (`icons: true` in `theme.yaml`). */
  icons: boolean;
  /** Whether it is all mdcv's own (each folder it is read from a built-in theme's): no TeX but mdcv's. */
  builtIn: boolean;
  latex: Template;
  html: Template;
  /** mdcv's layout machinery (templates/_shared/mdcv.tex), for the preamble before the theme's macros. */
  machinery: string;
  /** Raw TeX layout macros, placed in the preamble: the base theme's, then this theme's. */
  macros: string;
  /** The base theme's stylesheet, then this theme's. */
  css: string;
}

export { NoTheme, ThemeError };

/** One theme folder as written, before its base theme is merged in. */
export interface ThemeData {
  dir: string;
  description: string;
  /** A built-in theme whose files this one falls back on. */
  extends?: string;
  defaults: Record<string, unknown>;
  photo?: boolean;
  icons?: boolean;
}

/** Resolves `classic` to a built-in theme, and `./path` (or an absolute path) to a folder, relative to `baseDir`. */
export function themeDir(nameOrPath: string, baseDir: string): string {
  const isPath = nameOrPath.startsWith('.') || path.isAbsolute(nameOrPath) || nameOrPath.includes('/');
  return isPath ? path.resolve(baseDir, nameOrPath) : path.join(BUILTIN_THEMES_DIR, nameOrPath);
}

export async function listThemes(): Promise<{ name: string; description: string }[]> {
  const names = (await readdir(BUILTIN_THEMES_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
  return names.sort().map((name) => ({ name, description: readThemeData(path.join(BUILTIN_THEMES_DIR, name)).description }));
}

/**
 * The theme's folders, most basic first: a theme with `extends: NAME` in its
 * theme.yaml takes every file it lacks (templates, partials) from that
 * built-in theme, and layers its macros, stylesheet and defaults over the base's.
 */
export async function themeChain(nameOrPath: string, baseDir: string): Promise<ThemeData[]> {
  const chain: ThemeData[] = [];
  let dir: string | undefined = themeDir(nameOrPath, baseDir);
  let name = nameOrPath;
  while (dir) {
    await checkThemeFolder(dir, name);
    const data = readThemeData(dir);
    if (chain.some((t) => t.dir === dir)) throw new ThemeError(`theme \`${name}\` extends itself`, path.join(dir, 'theme.yaml'));
    chain.unshift(data);
    name = data.extends ?? '';
    dir = data.extends === undefined ? undefined : path.join(BUILTIN_THEMES_DIR, data.extends);
  }
  return chain;
}

/**
 * A theme is a folder with a theme.yaml: anything else (`theme: /`, a typo) is
 * refused before a file of it is listed or read.
 */
async function checkThemeFolder(dir: string, name: string): Promise<void> {
  if (existsSync(path.join(dir, 'theme.yaml'))) return;
  const builtIn = path.dirname(dir) === path.resolve(BUILTIN_THEMES_DIR);
  // A missing built-in has no file to point at: the message speaks for mdcv.
  if (builtIn) {
    const names = (await listThemes()).map((t) => t.name);
    const typo = nearest(name, names);
    throw new NoTheme(`no theme \`${name}\`; the built-in themes are ${names.join(', ')}`, 'mdcv', undefined, typo && messages.didYouMean(typo));
  }
  throw new NoTheme(messages.notATheme(dir), path.join(dir, 'theme.yaml'));
}

/** Themes loaded by this process, by folder, with the state of their files: a watch session compiles a template once. */
const loaded = new Map<string, { files: string; theme: Promise<Theme> }>();

export interface LoadThemeOptions {
  /** Keep the compiled templates in `<cacheDir>/templates/`, for the next process; `false` or none compiles them in memory only. */
  cacheDir?: string | false;
  /** Use the compiled templates the package ships for its built-in themes (default true). */
  shipped?: boolean;
}

export async function loadTheme(nameOrPath: string, baseDir: string, options: LoadThemeOptions = {}): Promise<Theme> {
  const dir = themeDir(nameOrPath, baseDir);
  await checkThemeFolder(dir, nameOrPath);
  const files = walked(dir, () => fileStates([SHARED_DIR, BUILTIN_THEMES_DIR, dir]))
    .map((f) => `${f.file}:${f.size}:${f.mtimeMs}`)
    .join('\n');
  // The macros' file markers are relative to the resume's folder: a theme is kept per folder it serves.
  const key = `${baseDir}\0${dir}`;
  const known = loaded.get(key);
  if (known?.files === files) return known.theme;
  const theme = readTheme(nameOrPath, baseDir, { cacheDir: options.cacheDir ?? false, shipped: options.shipped });
  loaded.set(key, { files, theme });
  theme.catch(() => loaded.delete(key));
  return theme;
}

/** Reads are synchronous: a theme is a few dozen small files, and an await for each costs more than the reading. */
async function readTheme(nameOrPath: string, baseDir: string, specs: SpecSources): Promise<Theme> {
  const marker = (file: string): string => `%mdcv file ${path.relative(baseDir, file).split(path.sep).join('/')}\n`;
  const chain = await themeChain(nameOrPath, baseDir);
  const own = chain.at(-1)!;
  const files = themeFiles(chain);
  const [latex, html] = await allInOrder([compileTemplates(chain, files, 'tex', latexLanguage, specs), compileTemplates(chain, files, 'html', htmlLanguage, specs)]);
  return {
    name: path.basename(own.dir),
    dir: own.dir,
    description: own.description,
    defaults: Object.assign({}, ...chain.map((t) => t.defaults)) as Record<string, unknown>,
    photo: chain.reduce<boolean>((shown, t) => t.photo ?? shown, true),
    icons: chain.reduce<boolean>((shown, t) => t.icons ?? shown, false),
    builtIn: chain.every((t) => isInside(realIfThere(t.dir) ?? t.dir, BUILTIN_THEMES_DIR)),
    latex,
    html,
    // Each file is headed by a marker naming it, so a TeX error in it can be placed there.
    machinery: `${marker(MACHINERY)}${themeText(MACHINERY, [SHARED_DIR]) ?? ''}`,
    macros: layered(chain, 'macros.tex', marker),
    css: layered(chain, 'style.css'),
  };
}

function readThemeData(dir: string): ThemeData {
  const file = path.join(dir, 'theme.yaml');
  const source = themeText(file, [dir, BUILTIN_THEMES_DIR]) ?? '';
  let data: { description?: unknown; extends?: unknown; defaults?: unknown; photo?: unknown; icons?: unknown };
  try {
    data = (parseYaml(source) ?? {}) as typeof data;
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ThemeError(`theme.yaml: ${(error as Error).message.split('\n')[0]}`, file, line);
  }
  const defaults = themeDefaultsSchema.safeParse(data.defaults ?? {});
  if (!defaults.success) {
    const issue = defaults.error.issues[0]!;
    throw new ThemeError(`theme.yaml: \`defaults.${issue.path.join('.')}\`: ${issue.message}`, file);
  }
  if (data.extends !== undefined && (typeof data.extends !== 'string' || !existsSync(path.join(BUILTIN_THEMES_DIR, data.extends, 'theme.yaml')))) {
    throw new ThemeError(`theme.yaml: \`extends\` must name a built-in theme`, file);
  }
  for (const key of ['photo', 'icons'] as const) {
    if (data[key] !== undefined && typeof data[key] !== 'boolean') throw new ThemeError(`theme.yaml: \`${key}\` must be true or false`, file);
  }
  const { photo, icons } = data as { photo?: boolean; icons?: boolean };
  return { dir, description: typeof data.description === 'string' ? data.description : '', extends: data.extends, defaults: defaults.data, photo, icons };
}

/** A file of every layer of the chain, base first, each after its `heading` (if any). */
export function layered(chain: readonly ThemeData[], name: string, heading?: (file: string) => string): string {
  return chain
    .map((theme) => {
      const file = path.join(theme.dir, name);
      return `${heading?.(file) ?? ''}${themeText(file, rootsOf(chain)) ?? ''}`;
    })
    .join('\n');
}

/** What every theme shares: mdcv's layout machinery, and partials every theme can use (a theme's own of the same name wins). */
const SHARED_DIR = path.join(BUILTIN_THEMES_DIR, '_shared');
const MACHINERY = path.join(SHARED_DIR, 'mdcv.tex');

/**
 * The theme's files by path inside the folder, each from the most specific
 * theme that has it (the shared partials first). A link that leads out of
 * the theme's folders is refused here, whether it is read or not.
 */
export function themeFiles(chain: readonly ThemeData[]): Map<string, string> {
  const files = new Map<string, string>();
  const roots = rootsOf(chain);
  for (const dir of [SHARED_DIR, ...chain.map((t) => t.dir)]) {
    // The machinery is mdcv's, never a theme's file: a theme changes it only by \renewcommand in its macros.
    const listed = dir === SHARED_DIR ? listFiles(path.join(dir, 'partials')) : walked(dir, () => listFiles(dir));
    for (const file of listed) {
      const real = realIfThere(file);
      const outside = real !== undefined && !roots.some((root) => isInside(real, root));
      if (outside) throw new ThemeError(messages.themeFileOutside, file);
      files.set(path.relative(dir, file), file);
    }
  }
  return files;
}

/** A theme file may link only to files of its own folders, or to mdcv's templates. */
export function rootsOf(chain: readonly ThemeData[]): string[] {
  return [...chain.map((t) => t.dir), BUILTIN_THEMES_DIR];
}

/** The largest theme file read: a theme's biggest, its macros or stylesheet, is tens of KB. */
const THEME_FILE_LIMIT = 1024 * 1024;

/**
 * A theme file's bytes (undefined when there is none), read only when it is a
 * regular file of one name inside `roots`: a link to /proc/self/environ, a hard
 * link or a fifo is a ThemeError naming it, its content never read.
 */
export function themeBytes(file: string, roots: readonly string[]): Buffer | undefined {
  // mdcv's own templates are trusted as installed: a package manager (pnpm) hard-links them from its store.
  const read = readConfined(file, roots, THEME_FILE_LIMIT, [BUILTIN_THEMES_DIR]);
  if (read.ok) return read.bytes;
  if (read.reason === 'missing') return undefined;
  if (read.reason === 'unreadable') throw new ThemeError(messages.themeFileUnreadable(read.cause), file);
  if (read.reason === 'linked') throw new ThemeError(messages.themeFileLinked(read.names), file);
  const problems = {
    outside: messages.themeFileOutside,
    special: messages.themeFileSpecial,
    'too-large': messages.themeFileTooLarge(THEME_FILE_LIMIT / 1024 / 1024),
  };
  throw new ThemeError(problems[read.reason], file);
}

function themeText(file: string, roots: readonly string[]): string | undefined {
  return themeBytes(file, roots)?.toString('utf8');
}

function realIfThere(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A walk of a theme's folders, a folder too large for a theme a ThemeError naming it. */
function walked<T>(dir: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (!(error instanceof FolderTooLarge)) throw error;
    throw new ThemeError(messages.themeFolderTooLarge(error.dir, error.over, WALK_LIMITS[error.over]), error.dir);
  }
}

/**
 * Compiles `resume.<ext>.hbs` with every `partials/*.<ext>.hbs` registered by
 * its base name, all up front, so a mistake names its file and line.
 */
async function compileTemplates(
  chain: readonly ThemeData[],
  files: ReadonlyMap<string, string>,
  ext: 'tex' | 'html',
  language: OutputLanguage,
  specs: SpecSources,
): Promise<Template> {
  const env = createEnvironment(language);
  const suffix = `.${ext}.hbs`;
  const main = files.get(`resume${suffix}`);
  if (!main) throw new ThemeError(`the theme has no resume${suffix}`, path.join(chain.at(-1)!.dir, `resume${suffix}`));
  const partials = [...files].filter(([relative]) => relative.endsWith(suffix) && path.dirname(relative) === 'partials');
  const [template, ...partialTemplates] = await allInOrder(
    [main, ...partials.map(([, file]) => file)].map(async (file) => {
      const source = themeText(file, rootsOf(chain)) ?? '';
      return cachedTemplate(env, { file, source, language: ext }, specs);
    }),
  );
  // Registered compiled: the runtime alone cannot compile a partial given as text.
  partials.forEach(([relative], i) => env.registerPartial(path.basename(relative, suffix), partialTemplates[i]!));
  return (view) => {
    try {
      return template!(view);
    } catch (error) {
      throw runtimeError(error as Error, main, suffix);
    }
  };
}

/** Every value; when some fail, the first one's error in order, not the first to fail: the mistake reported does not change from run to run. */
async function allInOrder<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  await Promise.allSettled(promises);
  return Promise.all(promises);
}

/** Handlebars names a missing partial but not where it was called from; say which file to look at. */
function runtimeError(error: Error, main: string, suffix: string): ThemeError {
  const partial = /The partial (\S+) could not be found/.exec(error.message)?.[1];
  if (partial) return new ThemeError(`template error: no partial \`${partial}\` (expected partials/${partial}${suffix})`, main);
  return new ThemeError(`template error: ${error.message}`, main);
}
