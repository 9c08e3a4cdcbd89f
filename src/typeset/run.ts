import { spawn, type ChildProcess } from 'node:child_process';

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
}

export interface RunResult {
  /** `ENOENT` when the program is not installed. */
  code?: string;
  exitCode?: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * The time left (ms, never below 0) of a budget that starts now: the runs of one build share
 * its `timeout`, rather than each getting all of it.
 */
export function deadline(ms: number): () => number {
  const end = performance.now() + ms;
  return () => Math.max(0, end - performance.now());
}

/** Programs still running: killed if mdcv exits first (an interrupted build leaves no engine behind). */
const running = new Set<ChildProcess>();
process.once('exit', stopPrograms);

/** Kills every program still running (before an interrupted build's scratch folder is removed under it). */
export function stopPrograms(): void {
  for (const child of running) kill(child);
}

/**
 * Kills the program and whatever it started: each runs in a process group of its own, so a
 * sandbox's processes go with it (bubblewrap killed as it sets up would leave its child
 * waiting, holding our pipes open, forever).
 */
function kill(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs a program to its end, without a shell, stdin closed; never throws. Every program mdcv
 * runs goes through here. Not through execa: loading it and its first run cost a process
 * ~20 ms more (bundled, 15 runs each on this 2-core machine under load, 1 December: first run
 * 33 ms against 14, start to result 233 ms against 162), over 5 % of a warm rebuild.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const stdin = options.input ? 'pipe' : 'ignore';
    const env = { ...process.env, ...options.env };
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: [stdin, 'pipe', 'pipe'], detached: true });
    running.add(child);
    const abort = (): void => kill(child);
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted) abort();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const startTimer = (): void => {
      if (options.timeout !== undefined)
        timer = setTimeout(() => {
          timedOut = true;
          kill(child);
        }, options.timeout);
    };
    if (options.input) {
      child.stdin!.on('error', () => undefined);
      void options.input.then((text) => {
        startTimer();
        child.stdin!.end(text);
      });
    } else startTimer();
    const finish = (result: Pick<RunResult, 'code' | 'exitCode'>): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      running.delete(child);
      resolve({
        ...result,
        timedOut,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    };
    child.once('error', (error: NodeJS.ErrnoException) => finish({ code: error.code }));
    child.once('close', (exitCode) => finish({ exitCode: exitCode ?? undefined }));
  });
}
