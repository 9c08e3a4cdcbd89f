import { statSync } from 'node:fs';

/**
 * What to remove of a cache folder's files so that the `keep` most recently written stay. A
 * file gone meanwhile (pruned by a build in parallel) counts as the oldest. Synchronous (see read.ts).
 */
export function oldestBeyond(files: readonly string[], keep: number): string[] {
  const dated = files.map((file) => ({ file, mtimeMs: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  return dated
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
    .slice(keep)
    .map(({ file }) => file);
}
