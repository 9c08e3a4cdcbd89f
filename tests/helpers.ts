import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { printDiagnostics } from '../src/cli/report.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'dist/cli/main.js');

/** Diagnostics as the CLI prints them. */
export function printed(diagnostics: readonly Diagnostic[], verbose = false): string {
  let out = '';
  printDiagnostics(diagnostics, { write: (s: string) => ((out += s), true) } as NodeJS.WritableStream, verbose);
  return out;
}

/** Runs the built CLI (`make test` builds dist/ first). */
export function mdcv(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}) {
  return execa('node', [CLI, ...args], { reject: false, cwd: options.cwd ?? ROOT, env: options.env, timeout: options.timeout ?? 60_000 });
}

export function tempDir(prefix = 'mdcv-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** No line of a Node stack trace (`    at fn (file:1:2)`). */
export const STACK_LINE = /^\s+at .+[:(]/m;
