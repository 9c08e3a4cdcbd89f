import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Subprocess } from 'execa';

export interface RunOptions {
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Kill the program after this long (ms); with `input`, from when the input is given. */
  timeout?: number;
  /** What to write to the program's stdin, once known: the program can start before its input is ready. */
  input?: Promise<string>;
  /** Kills the program when aborted. */
  signal?: AbortSignal;
  /** Kills the program once the files in its folder (and below) hold more than `maxBytes`; with `input`, once given. */
  folder?: { dir: string; maxBytes: number };
}

/**
 * What a program may print, kept in memory: far beyond any mdcv runs (pdflatex prints 70 KB for a 47-page resume),
 * short of what a TeX loop prints in a second. Past it, the program is stopped.
 */
export const OUTPUT_LIMIT = 4 * 1024 * 1024;

export interface RunResult {
  /** `ENOENT` when the program is not installed. */
  code?: string;
  exitCode?: number;
  timedOut: boolean;
  /** Stopped for printing more than `OUTPUT_LIMIT` (`output`), or for filling its `folder` (`files`). */
  overran?: 'output' | 'files';
  stdout: string;
  stderr: string;
}

/**
 * The time left (ms, never below 0) of a budget that starts at `since` (now): the runs of one build share
 * its `timeout`, rather than each getting all of it.
 */
export function deadline(ms: number, since = performance.now()): () => number {
  const end = since + ms;
  return () => Math.max(0, end - performance.now());
}

/** Programs still running: killed if mdcv exits first (an interrupted build leaves no engine behind). */
const running = new Set<Subprocess>();
process.once('exit', stopPrograms);

/** Kills every program still running (before an interrupted build's scratch folder is removed under it). */
export function stopPrograms(): void {
  for (const child of running) kill(child);
}

/**
 * Kills the program and whatever it started: each runs in a process group of its own, so a
 * sandbox's processes go with it (bubblewrap killed as it sets up would leave its child
 * waiting, holding our pipes open, forever). execa's own kill and `timeout` signal the program
 * alone, and its `cleanup` skips a program in a group of its own: hence this, the timer and the
 * exit hook above.
 */
function kill(child: Subprocess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs a program to its end through execa, without a shell, stdin closed; never throws. Every
 * program mdcv runs goes through here. execa costs a warm rebuild ~25 ms of CPU, 4.5 % of it
 * (BENCHMARKS.md, Notes).
 */
export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  // Loaded on the first run, not at start: a build with nothing to typeset (unchanged) never pays for it.
  const { execa } = await import('execa');
  const child = execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdin: options.input ? 'pipe' : 'ignore',
    detached: true,
    reject: false,
    stripFinalNewline: false,
  });
  running.add(child);
  const abort = (): void => kill(child);
  options.signal?.addEventListener('abort', abort, { once: true });
  if (options.signal?.aborted) abort();
  let timedOut = false;
  let overran: RunResult['overran'];
  const stop = (why: NonNullable<RunResult['overran']>): void => {
    overran ??= why;
    kill(child);
  };
  let printed = 0;
  const count = (chunk: Buffer): void => {
    printed += chunk.length;
    if (printed > OUTPUT_LIMIT) stop('output');
  };
  child.stdout?.on('data', count);
  child.stderr?.on('data', count);
  let timer: NodeJS.Timeout | undefined;
  let guard: NodeJS.Timeout | undefined;
  // Both from when the program has its input: a program waiting for it (an engine started ahead) uses neither.
  const startTimers = (): void => {
    if (options.timeout !== undefined)
      timer = setTimeout(() => {
        timedOut = true;
        kill(child);
      }, options.timeout);
    const folder = options.folder;
    if (folder) guard = setInterval(() => sizeOf(folder.dir) > folder.maxBytes && stop('files'), FOLDER_CHECK_MS);
  };
  if (options.input) {
    void options.input.then((text) => {
      // Given after the program ended: nothing to write to, or time (its group's number may be another's by now).
      if (!running.has(child)) return;
      startTimers();
      child.stdin?.end(text);
    });
  } else startTimers();
  const result = await child;
  clearTimeout(timer);
  clearInterval(guard);
  options.signal?.removeEventListener('abort', abort);
  running.delete(child);
  const { code, exitCode, stdout, stderr } = result;
  return { code, exitCode, timedOut, ...(overran && { overran }), stdout, stderr };
}

/** TeX's `\write` in a loop adds some 30 MB a second: looked at five times a second, it stops near the limit. */
const FOLDER_CHECK_MS = 200;

/** The bytes the files in a folder and its subfolders hold; what goes as it is read counts for nothing. */
function sizeOf(folder: string): number {
  let bytes = 0;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) bytes += sizeOf(file);
      else if (entry.isFile()) bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    }
  } catch {
    // The folder removed under us: nothing left to count.
  }
  return bytes;
}
