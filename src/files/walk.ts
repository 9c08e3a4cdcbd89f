import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file as found on disk: enough to tell, without reading it, whether it changed. */
export interface FileState {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every file at these paths, a folder standing for every file inside it,
 * each listed once (a folder inside another listed one is not walked
 * twice), with its size and time. A missing path counts as empty, and so
 * does a fifo or a device; a folder over WALK_LIMITS is a FolderTooLarge.
 * Synchronous, as a build's own file work is (see read.ts).
 */
export function fileStates(paths: readonly string[]): FileState[] {
  const resolved = [...new Set(paths.map((p) => path.resolve(p)))];
  const outer = resolved.filter((p) => !resolved.some((other) => other !== p && p.startsWith(other + path.sep)));
  return outer.flatMap(filesAt).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function filesAt(at: string): FileState[] {
  const top = statSync(at, { throwIfNoEntry: false });
  if (!top) return [];
  // A fifo or a device is no file a build reads: listed as none, never opened to be hashed.
  if (!top.isDirectory()) return top.isFile() ? [{ file: at, size: top.size, mtimeMs: top.mtimeMs }] : [];
  return listFiles(at).flatMap((file) => {
    // Links are not followed (what they lead to is checked where it is read), and a file gone meanwhile is none.
    const state = lstatSync(file, { throwIfNoEntry: false });
    return state?.isFile() ? [{ file, size: state.size, mtimeMs: state.mtimeMs }] : [];
  });
}

/** How far a folder a build reads (a theme's) is walked: a theme is a few dozen files, a few folders deep. */
export const WALK_LIMITS = { entries: 500, depth: 8 };

/** A folder too big to be what it claims (`theme: ~`, a theme holding node_modules): walked no further. */
export class FolderTooLarge extends Error {
  constructor(
    readonly dir: string,
    readonly over: 'entries' | 'depth',
  ) {
    super(`${dir} is over the limit of ${WALK_LIMITS[over]} ${over}`);
  }
}

/**
 * Every entry of a folder that is not a folder (files, and links, which are
 * not followed), at any depth, sorted; hidden ones (`.git`) left out. Throws FolderTooLarge past
 * WALK_LIMITS, having read no more than that.
 */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  let entries = 0;
  const walk = (at: string, depth: number): void => {
    if (depth > WALK_LIMITS.depth) throw new FolderTooLarge(dir, 'depth');
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      // Hidden files and folders are no part of a theme: a theme cloned with its history keeps it in .git.
      if (entry.name.startsWith('.')) continue;
      if (++entries > WALK_LIMITS.entries) throw new FolderTooLarge(dir, 'entries');
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file, depth + 1);
      else found.push(file);
    }
  };
  walk(dir, 0);
  return found.sort();
}
