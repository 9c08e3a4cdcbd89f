import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
 * twice), with its size and time. A missing path counts as empty.
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
  if (!top.isDirectory()) return [{ file: at, size: top.size, mtimeMs: top.mtimeMs }];
  return readdirSync(at, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const { size, mtimeMs } = statSync(file);
      return { file, size, mtimeMs };
    });
}

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
