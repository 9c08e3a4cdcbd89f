import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { holdScratch, releaseScratch } from '../scratch.js';
import { writing } from './errors.js';

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
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
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
