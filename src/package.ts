import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's folder (with package.json and templates/), found
 * upwards from this code wherever it runs: src/, dist/ or the one-file bundle.
 */
const HERE = fileURLToPath(import.meta.url);
export const PACKAGE_ROOT = findRoot(path.dirname(HERE));

export const VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** This very build of mdcv: its version, and when its code was compiled (a rebuilt checkout is a new mdcv). */
export const CODE_VERSION = `${VERSION}@${statSync(HERE).mtimeMs}`;

function findRoot(dir: string): string {
  if (existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return dir;
  return findRoot(path.dirname(dir));
}
