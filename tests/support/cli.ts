import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The CLI as shipped: package.json's `bin` (`make test` builds it first). */
export const CLI = path.resolve(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { mdcv: string } }).bin.mdcv,
);

/** Runs `mdcv ARGS` in `cwd` as a person would, never throwing on a non-zero exit. */
export function mdcv(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [CLI, ...args], { cwd: options.cwd, env: options.env, reject: false, stdin: 'ignore' });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `mdcv-${prefix}-`));
}

/**
 * A PATH with every program of this one but `program`, as on a machine without it:
 * a folder of links to the others.
 */
export function pathWithout(program: string): string {
  const bin = tempDir('path');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir)) {
      if (name !== program && !existsSync(path.join(bin, name)))
        symlinkSync(path.join(dir, name), path.join(bin, name));
    }
  }
  return bin;
}
