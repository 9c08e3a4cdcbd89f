import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, readConfined } from '../files/read.js';
import { FolderTooLarge, listFiles, WALK_LIMITS } from '../files/walk.js';
import { shownPath } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { PACKAGE_ROOT } from '../package.js';
import { ThemeError } from './theme-error.js';

/** The built-in themes ship in the package, beside the code. */
export const BUILTIN_THEMES_DIR = path.join(PACKAGE_ROOT, 'templates');

/**
 * What every theme shares: mdcv's layout machinery, and partials every theme can use (a theme's own of the same name
 * wins).
 */
export const SHARED_DIR = path.join(BUILTIN_THEMES_DIR, '_shared');
export const MACHINERY = path.join(SHARED_DIR, 'mdcv.tex');

/** A theme folder as far as its files go: the chain of themes is made of these. */
export interface ThemeFolder {
  dir: string;
}

/** A file of every layer of the chain, base first, each after its `heading` (if any). */
export function layered(chain: readonly ThemeFolder[], name: string, heading?: (file: string) => string): string {
  return chain
    .map((theme) => {
      const file = path.join(theme.dir, name);
      return `${heading?.(file) ?? ''}${themeText(file, rootsOf(chain)) ?? ''}`;
    })
    .join('\n');
}

/**
 * The theme's files by path inside the folder, each from the most specific
 * theme that has it (the shared partials first). A link that leads out of
 * the theme's folders is refused here, whether it is read or not.
 */
export function themeFiles(chain: readonly ThemeFolder[]): Map<string, string> {
  const files = new Map<string, string>();
  const roots = rootsOf(chain);
  for (const dir of [SHARED_DIR, ...chain.map((t) => t.dir)]) {
    // The machinery is mdcv's, never a theme's file: a theme changes it only by \renewcommand in its macros.
    const listed =
      dir === SHARED_DIR ? listFiles(dir).filter((file) => file !== MACHINERY) : walked(dir, () => listFiles(dir));
    for (const file of listed) {
      const real = realIfThere(file);
      const outside = real !== undefined && !roots.some((root) => isInside(real, root));
      if (outside) throw new ThemeError(messages.themeFileOutside, file);
      files.set(path.relative(dir, file), file);
    }
  }
  return files;
}

/**
 * A theme file may link only to files of its own folders (those of the themes it extends too), or to mdcv's templates.
 */
export function rootsOf(chain: readonly ThemeFolder[]): string[] {
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

export function themeText(file: string, roots: readonly string[]): string | undefined {
  return themeBytes(file, roots)?.toString('utf8');
}

/** A path with its links followed, or undefined when it leads nowhere. */
export function realIfThere(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A walk of a theme's folders, a folder too large for a theme a ThemeError naming it. */
export function walked<T>(dir: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (!(error instanceof FolderTooLarge)) throw error;
    throw new ThemeError(
      messages.themeFolderTooLarge(shownPath(error.dir), error.over, WALK_LIMITS[error.over]),
      error.dir,
    );
  }
}
