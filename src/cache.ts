import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readIfThere, sha256Of, writeWhole } from './files.js';

/** Where mdcv keeps its caches: $MDCV_CACHE_DIR, else $XDG_CACHE_HOME/mdcv, else ~/.cache/mdcv. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.MDCV_CACHE_DIR) return path.resolve(env.MDCV_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache'), 'mdcv');
}

/**
 * A cache entry is a line with the sha256 of its text, then the text: one
 * that is not whole is never read back. Read synchronously: entries are a
 * few KB, and they are read on the way to the engine.
 */
export function readCacheEntry(file: string): string | undefined {
  const text = readIfThere(file)?.toString() ?? '';
  const newline = text.indexOf('\n');
  const content = text.slice(newline + 1);
  return newline >= 0 && text.slice(0, newline) === `// ${sha256Of(content)}` ? content : undefined;
}

/**
 * Writes an entry whole, then keeps the `keep` most recently written of its
 * folder (one still in use is simply written again): once the folder is a
 * tenth over, so that most writes do not look at every entry's time.
 */
export async function writeCacheEntry(file: string, content: string, keep: number): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  writeWhole(file, `// ${sha256Of(content)}\n${content}`);
  const names = (await readdir(dir)).filter((name) => !name.endsWith('.tmp'));
  if (names.length <= keep * 1.1) return;
  const files = names.map((name) => path.join(dir, name));
  // A file gone meanwhile was pruned by a build in parallel.
  const times = await Promise.all(files.map(async (f) => (await stat(f).catch(() => undefined))?.mtimeMs ?? 0));
  const newestFirst = files.map((f, i) => ({ f, mtimeMs: times[i]! })).sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(newestFirst.slice(keep).map(({ f }) => rm(f, { force: true })));
}
