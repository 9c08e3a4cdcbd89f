import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isInside } from '../files/read.js';
import { shownPath } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { themeDefaultsSchema } from '../model/schema.js';
import { nearest } from '../parse/suggest.js';
import { readDocxLayer, type DocxLayer } from './docx/theme-data.js';
import { NoTheme, ThemeError } from './theme-error.js';
import { BUILTIN_THEMES_DIR, realIfThere, themeText } from './theme-files.js';

/** One theme folder as written, before its base theme is merged in. */
export interface ThemeData {
  dir: string;
  description: string;
  /** The folder of the theme it extends (`extends:`), whose files this one falls back on. */
  base?: string;
  defaults: Record<string, unknown>;
  photo?: boolean;
  icons?: boolean;
  docx?: DocxLayer;
}

/** A path (`./mine`, `../base`, `/abs`), not a built-in theme's name. */
function isPath(nameOrPath: string): boolean {
  return nameOrPath.startsWith('.') || path.isAbsolute(nameOrPath) || nameOrPath.includes('/');
}

/** Resolves `classic` to a built-in theme, and `./path` (or an absolute path) to a folder, relative to `baseDir`. */
export function themeDir(nameOrPath: string, baseDir: string): string {
  return isPath(nameOrPath) ? path.resolve(baseDir, nameOrPath) : path.join(BUILTIN_THEMES_DIR, nameOrPath);
}

export async function listThemes(): Promise<{ name: string; description: string }[]> {
  const names = (await readdir(BUILTIN_THEMES_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
  return names
    .sort()
    .map((name) => ({ name, description: readThemeData(path.join(BUILTIN_THEMES_DIR, name)).description }));
}

/**
 * The theme's folders, most basic first: a theme with `extends:` in its
 * theme.yaml (a built-in theme's name, or a path to a theme folder beside it)
 * takes every file it lacks (templates, partials) from that theme, and layers
 * its macros, stylesheet and defaults over the base's.
 */
export async function themeChain(nameOrPath: string, baseDir: string): Promise<ThemeData[]> {
  const chain: ThemeData[] = [];
  await checkThemeFolder(themeDir(nameOrPath, baseDir), nameOrPath);
  for (let dir: string | undefined = themeDir(nameOrPath, baseDir); dir !== undefined;) {
    const data = readThemeData(dir);
    chain.unshift(data);
    const base = data.base;
    if (base !== undefined && chain.some((t) => realIfThere(t.dir) === realIfThere(base))) {
      const names = [...[...chain].reverse(), { dir: base }].map((t) => path.basename(t.dir));
      throw new ThemeError(messages.extendsCycle(names), path.join(dir, 'theme.yaml'));
    }
    dir = base;
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
    throw new NoTheme(
      `no theme \`${name}\`; the built-in themes are ${names.join(', ')}`,
      'mdcv',
      undefined,
      typo && messages.didYouMean(typo),
    );
  }
  throw new NoTheme(messages.notATheme(shownPath(dir)), path.join(dir, 'theme.yaml'));
}

/** What a theme.yaml says, parsed and checked: all of ThemeData that its text alone decides. */
type ThemeFile = Omit<ThemeData, 'dir' | 'base'> & { extends?: unknown };

/**
 * The last text of each theme.yaml read and what it says. A build of many resumes and a watch session load the same
 * theme for every build, and its YAML parse was most of a theme load (a tenth of a 20-file build's Node time); the
 * base folder is looked up anew each time, as links may change.
 */
const lastRead = new Map<string, { source: string; said: ThemeFile }>();

export function readThemeData(dir: string): ThemeData {
  const file = path.join(dir, 'theme.yaml');
  const source = themeText(file, [dir, BUILTIN_THEMES_DIR]) ?? '';
  let last = lastRead.get(file);
  if (last?.source !== source) {
    last = { source, said: themeFile(source, file) };
    lastRead.set(file, last);
  }
  const { extends: base, ...data } = last.said;
  return { dir, ...data, base: base === undefined ? undefined : baseFolder(base, dir, file) };
}

function themeFile(source: string, file: string): ThemeFile {
  let data: {
    description?: unknown;
    extends?: unknown;
    defaults?: unknown;
    photo?: unknown;
    icons?: unknown;
    docx?: unknown;
  };
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
  const docx = readDocxLayer(data.docx, file);
  for (const key of ['photo', 'icons'] as const) {
    if (data[key] !== undefined && typeof data[key] !== 'boolean')
      throw new ThemeError(`theme.yaml: \`${key}\` must be true or false`, file);
  }
  const { photo, icons } = data as { photo?: boolean; icons?: boolean };
  return {
    description: typeof data.description === 'string' ? data.description : '',
    extends: data.extends,
    defaults: defaults.data,
    photo,
    icons,
    docx,
  };
}

/**
 * The folder `extends:` names: a built-in theme, or a theme folder by a path
 * relative to the theme's own, beside it or inside it, links followed. A theme
 * from the internet so extends only what lies in the folder that holds it (no
 * `/`, no `../../..`, no link out), and a chain of them never climbs higher.
 */
function baseFolder(value: unknown, dir: string, file: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ThemeError(messages.extendsInvalid, file);
  if (!isPath(value)) {
    if (!existsSync(path.join(BUILTIN_THEMES_DIR, value, 'theme.yaml')))
      throw new ThemeError(messages.extendsUnknown(value), file);
    return path.join(BUILTIN_THEMES_DIR, value);
  }
  const base = path.resolve(dir, value);
  const holder = path.dirname(path.resolve(dir));
  const real = realIfThere(base);
  // Strictly inside: a theme that extends the folder holding it would let the next one climb again.
  const [first] = path.relative(holder, base).split(path.sep);
  const lexicallyOut = path.isAbsolute(value) || first === '' || first === '..';
  const linkedOut = real !== undefined && (real === realIfThere(holder) || !isInside(real, holder));
  if (lexicallyOut || linkedOut) throw new ThemeError(messages.extendsOutside(value), file);
  if (real === undefined || !existsSync(path.join(real, 'theme.yaml')))
    throw new ThemeError(messages.extendsNotATheme(value), file);
  return base;
}
