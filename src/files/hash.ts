import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileState } from './walk.js';

/**
 * Content hashes by file, kept while its size and time stand: a process building many resumes reads each theme file
 * once.
 */
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
