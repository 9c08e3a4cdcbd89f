import os from 'node:os';
import path from 'node:path';

/** Where mdcv keeps its caches: $MDCV_CACHE_DIR, else $XDG_CACHE_HOME/mdcv, else ~/.cache/mdcv. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.MDCV_CACHE_DIR) return path.resolve(env.MDCV_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache'), 'mdcv');
}
