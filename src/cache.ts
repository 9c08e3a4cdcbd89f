import { mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readIfThere } from './files/read.js';
import { sha256Of } from './files/hash.js';
import { writeWhole } from './files/write.js';
import { oldestBeyond } from './files/prune.js';

/** Where mdcv keeps its caches: $MDCV_CACHE_DIR, else $XDG_CACHE_HOME/mdcv, else ~/.cache/mdcv. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.MDCV_CACHE_DIR) return path.resolve(env.MDCV_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache'), 'mdcv');
}

/**
 * A cache entry is a line with the sha256 of its text, then the text: one
 * that is not whole is never read back. Read synchronously (see files/read.ts).
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
  const old = oldestBeyond(
    names.map((name) => path.join(dir, name)),
    keep,
  );
  await Promise.all(old.map((file) => rm(file, { force: true })));
}
