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

/**
 * For `node --import`: the process reports, as it exits, its own peak memory and CPU time on stderr (`usageOf` reads
 * them): a busy machine stretches the wall-clock time, not the work done.
 */
export const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write(`mdcv-peak-rss ${u.maxRSS}\\nmdcv-cpu-us ${u.userCPUTime+u.systemCPUTime}\\n`)})';

/** What a process run with `REPORT_USAGE` reported: its peak memory (MB) and CPU time (ms). */
export function usageOf(stderr: string): { peakMb: number; cpuMs: number } {
  return {
    peakMb: Number(/mdcv-peak-rss (\d+)/.exec(stderr)?.[1]) / 1024,
    cpuMs: Number(/mdcv-cpu-us (\d+)/.exec(stderr)?.[1]) / 1000,
  };
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
