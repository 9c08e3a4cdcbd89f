import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './model/diagnostic.js';
import { holdScratch, releaseScratch } from './scratch.js';

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
 * Synchronous on purpose: a build stats a few hundred files, and each
 * costs microseconds this way, against tens of them through promises.
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

/**
 * Why a file was not read: gone, leading outside the folders allowed, no regular file (a fifo, a device),
 * a file of several names (hard links), too large.
 */
export type ConfinedRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'missing' | 'outside' | 'special' | 'too-large' }
  | { ok: false; reason: 'linked'; names: number }
  | { ok: false; reason: 'unreadable'; cause: string };

/**
 * A file's bytes, only when, links followed, it is a regular file inside one
 * of `roots`, of one name, and at most `limit` bytes. Opened without waiting (a fifo would
 * block) and read no further than the limit (a size can lie: /proc, a growing file).
 * A hard link cannot be told from the file it names (`ln /etc/shadow style.css` is
 * a file inside the folder), so a file with other names is refused, unless it lies in
 * one of `shared`: folders trusted as they are (mdcv's own, which pnpm links from its store).
 */
export function readConfined(file: string, roots: readonly string[], limit: number, shared: readonly string[] = []): ConfinedRead {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'unreadable', cause: causeOf(error) };
  }
  if (!roots.some((root) => isInside(real, root))) return { ok: false, reason: 'outside' };
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: 'unreadable', cause: causeOf(error) };
  }
  try {
    const state = fstatSync(fd);
    if (!state.isFile()) return { ok: false, reason: 'special' };
    if (state.nlink > 1 && !shared.some((root) => isInside(real, root))) return { ok: false, reason: 'linked', names: state.nlink };
    if (state.size > limit) return { ok: false, reason: 'too-large' };
    const bytes = Buffer.alloc(limit + 1);
    let total = 0;
    for (let read = -1; read !== 0 && total <= limit; total += read) {
      read = readSync(fd, bytes, total, bytes.length - total, null);
    }
    return total > limit ? { ok: false, reason: 'too-large' } : { ok: true, bytes: bytes.subarray(0, total) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', cause: causeOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** Whether `file` (a real path) is `root`, links followed, or inside it. */
export function isInside(file: string, root: string): boolean {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    return false;
  }
  return file === real || file.startsWith(real.endsWith(path.sep) ? real : real + path.sep);
}

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

/** Content hashes by file, kept while its size and time stand: a process building many resumes reads each theme file once. */
const hashes = new Map<string, { size: number; mtimeMs: number; sha256: Promise<string> }>();

/** The sha256 of each file's content, by path. */
export async function contentHashes(states: readonly FileState[]): Promise<Record<string, string>> {
  const sums = await Promise.all(
    states.map(({ file, size, mtimeMs }) => {
      const known = hashes.get(file);
      if (known && known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
      const sha256 = readFile(file).then(sha256Of);
      hashes.set(file, { size, mtimeMs, sha256 });
      sha256.catch(() => hashes.delete(file));
      return sha256;
    }),
  );
  return Object.fromEntries(states.map((s, i) => [s.file, sums[i]!]));
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A small file's bytes, or undefined when it is not there (or cannot be read).
 * Synchronous: a build's own files are a few KB, and a round trip through
 * libuv's thread pool costs more than reading them.
 */
export function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

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
    if (!state.isDirectory()) return path.relative(process.cwd(), at) || at;
  }
  return undefined;
}

/** Creates a folder and those above it; a WriteError naming it when it cannot be. */
export function makeFolder(dir: string): void {
  writing(dir, () => {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      // Node's recursive mkdir says ENOENT for any failure on the way (EROFS, EACCES):
      // making the first missing folder alone says why.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      let missing = path.resolve(dir);
      while (!existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
      mkdirSync(missing);
      throw error;
    }
  });
}

/**
 * Writes a file whole or not at all: beside it first, then renamed over it,
 * so a reader (another build in parallel) sees the old file or the new one.
 */
export function writeWhole(file: string, content: string | Uint8Array): void {
  publishSet([{ to: file, content }]);
}

/** A file to put in place, `to`: copied `from` a finished file, or made of `content`. */
export type Publish = { to: string } & ({ from: string } | { content: string | Uint8Array });

/** Beside the target, so the rename stays on its file system; hidden, and unique to this write. */
function stagingFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

/**
 * Puts a set of files in place all together or not at all: each is written
 * beside its target first, and only when all are written are they renamed
 * over the old ones; when one cannot be written (a full disk), the others'
 * staging files are removed and the old set stands. Staging files are scratch
 * (removed on Ctrl-C).
 */
export function publishSet(files: readonly Publish[]): void {
  const staged = files.map(({ to }) => ({ to, staging: stagingFor(to) }));
  for (const { staging } of staged) holdScratch(staging);
  try {
    files.forEach((file, i) => {
      const { to, staging } = staged[i]!;
      writing(to, () => ('from' in file ? copyFileSync(file.from, staging) : writeFileSync(staging, file.content)));
    });
    for (const { to, staging } of staged) writing(to, () => renameSync(staging, to));
  } finally {
    for (const { staging } of staged) {
      // None made where the folder is missing or a file.
      if (existsSync(staging)) rmSync(staging, { force: true });
      releaseScratch(staging);
    }
  }
}
