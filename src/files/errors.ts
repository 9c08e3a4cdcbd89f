import { statSync } from 'node:fs';
import path from 'node:path';
import { shownPath, type Diagnostic } from '../model/diagnostic.js';

/** A system error's cause as a person reads it: `no space left on the device (ENOSPC)`. */
export function causeOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const cause = code ? CAUSES[code] : undefined;
  if (cause && code) return `${cause} (${code})`;
  // Node's own text, less the call and path it repeats: `ENOSPC: no space left on device, write`.
  return code ? `${message.replace(/^\w+: /, '').replace(/,.*$/, '')} (${code})` : message;
}

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file is where a folder should be',
  EEXIST: 'a file is there already',
  EISDIR: 'a folder is there',
  ENOENT: 'no such folder',
  EIO: 'an input/output error of the device',
  EFBIG: 'the file is too large for the file system',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many links in a row',
};

/**
 * A file or folder that could not be written: the person's disk or path, not
 * a bug (a full disk, a read-only folder, a file where a folder should be).
 * `exitCode` is sysexits': 73 could not create it, 74 an I/O error on the way.
 */
export class WriteError extends Error {
  readonly exitCode: 73 | 74;
  /** What the build had found before it could not write (its warnings), to be told before this error. */
  diagnostics: readonly Diagnostic[] = [];
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.exitCode = IO_ERRORS.has(code) ? 74 : 73;
  }
}

const IO_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG']);

/** Runs a write; a system error becomes a WriteError naming `target` (a bug is left to be one). */
export function writing<T>(target: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof WriteError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    const blocker = code === 'ENOTDIR' || code === 'EEXIST' ? fileInTheWay(target) : undefined;
    throw new WriteError(target, code, blocker ? `\`${blocker}\` is a file, not a folder (${code})` : causeOf(error));
  }
}

/** The first of a path's folders that is a file, if one is. */
function fileInTheWay(target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const at = parts.slice(0, i).join(path.sep);
    const state = statSync(at, { throwIfNoEntry: false });
    if (!state) return undefined;
    if (!state.isDirectory()) return shownPath(at);
  }
  return undefined;
}
