import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where mdcv keeps its caches: $MDCV_CACHE_DIR, else $XDG_CACHE_HOME/mdcv, else ~/.cache/mdcv. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.MDCV_CACHE_DIR) return path.resolve(env.MDCV_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache'), 'mdcv');
}

/** Writes beside the target, then renames: a reader (another build in parallel) sees the old file or the new one. */
export async function atomicWrite(file: string, content: string | Uint8Array): Promise<void> {
  const staging = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(staging, content);
  await rename(staging, file);
}
