import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writing } from './files/errors.js';

/**
 * Scratch files and folders of builds in progress. A build removes its own
 * when it ends; `removeScratch` is for an interrupted one (the CLI calls it on
 * SIGINT/SIGTERM), so no half-made file stays behind.
 */
const live = new Set<string>();

export async function makeScratchDir(): Promise<string> {
  // Synchronous, as a build's own file work is (see files/read.ts).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-'));
  live.add(dir);
  return dir;
}

/** Marks a file as scratch until `release` (e.g. a staging file about to be renamed into place). */
export function holdScratch(file: string): void {
  live.add(file);
}

export function releaseScratch(file: string): void {
  live.delete(file);
}

export async function removeScratchDir(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/**
 * Synchronous, for a signal handler that is about to exit. An engine killed a moment before may still add a file
 * as its folder is emptied: rmSync then empties it again (ENOTEMPTY is among what it retries).
 */
export function removeScratch(): void {
  for (const file of live) rmSync(file, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  live.clear();
}

/** Writes a file of a build's scratch folder; returns its path (a full temporary folder is a WriteError naming it). */
export function writeScratchFile(dir: string, fileName: string, content: string | Uint8Array): string {
  const file = path.join(dir, fileName);
  writing(file, () => writeFileSync(file, content));
  return file;
}
