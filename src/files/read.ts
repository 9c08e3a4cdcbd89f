import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { causeOf } from './errors.js';

// Why a build's own file work is synchronous (here and wherever a comment points to this file):
// its files are small and local (a stamp, cache entries, a theme's few dozen files, stats of a
// few hundred), and each call through promises is a round trip through libuv's thread pool that
// costs more than the work, waiting behind whatever else the build has queued there.

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
export function readConfined(
  file: string,
  roots: readonly string[],
  limit: number,
  shared: readonly string[] = [],
): ConfinedRead {
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
    if (state.nlink > 1 && !shared.some((root) => isInside(real, root)))
      return { ok: false, reason: 'linked', names: state.nlink };
    if (state.size > limit) return { ok: false, reason: 'too-large' };
    // Sized by what the file says (one byte more, to see it grow), not by the limit: a buffer kept
    // holds all it was allocated with, and a 20 MB one per photo read is most of a many-file build's memory.
    let bytes = Buffer.alloc(state.size + 1);
    let total = 0;
    for (let read = -1; read !== 0 && total <= limit; total += read) {
      if (total === bytes.length) bytes = Buffer.concat([bytes], Math.min(bytes.length * 2, limit + 1));
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

/** A file's last `max` bytes (all of a smaller one), or undefined when it is not there (or cannot be read). */
export function readTail(file: string, max: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(Math.min(size, max));
    const read = readSync(fd, bytes, 0, bytes.length, size - bytes.length);
    return bytes.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A small file's bytes, or undefined when it is not there (or cannot be read). */
export function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
