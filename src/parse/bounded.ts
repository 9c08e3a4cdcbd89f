import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { messages } from '../model/messages.js';
import { parseResume, type ParseBudget, type ParseResult } from './index.js';

/**
 * A file at least this long is parsed in a worker thread with a capped heap. The parser holds up to ~1.2 KB for
 * each character of a block it must read at once (a long quote holding a list of links: 256 KB took 375 MB), so a
 * hostile file could take gigabytes; in the worker it takes at most the cap, then stops with an error. A real
 * resume is a few KB, parsed here: the worker loads and compiles the parser anew (~0.7 s of CPU).
 */
export const WORKER_FROM = 64 * 1024;
/** The worker's heap: with mdcv's own ~75 MB, the command stays under 200 MB. */
export const WORKER_HEAP_MB = { old: 80, young: 8 };

const WORKER = new URL('./parse-worker.js', import.meta.url);
const load = createRequire(import.meta.url);

/** What the worker is given, and what it posts: each line it reaches, then the result. */
export interface WorkerTask {
  source: string;
  file: string;
  /** How long the build has run (ms), when it keeps time. */
  elapsed?: number;
  timeout?: number;
}
export type WorkerMessage = { line: number } | { result: ParseResult };

/**
 * `parseResume` with a memory ceiling: a long file is parsed in a worker; one that needs more memory than its cap
 * gets an error on the line the parse had reached.
 */
export async function parseResumeBounded(source: string, file: string, budget?: ParseBudget): Promise<ParseResult> {
  // Run from the TypeScript sources (the tests), there is no worker to start: parsed here.
  if (source.length < WORKER_FROM || !existsSync(fileURLToPath(WORKER))) return parseResume(source, file, budget);
  const task: WorkerTask = {
    source,
    file,
    elapsed: budget?.since === undefined ? undefined : performance.now() - budget.since,
    timeout: budget?.timeout,
  };
  // Loaded only here, so a build that needs no worker (most) compiles no more of Node's own modules; required, as
  // the bundled CLI runs in a script that cannot import().
  const { Worker } = load('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(WORKER, {
    workerData: task,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB.old, maxYoungGenerationSizeMb: WORKER_HEAP_MB.young },
  });
  let line = 1;
  let result: ParseResult | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: WorkerMessage) => {
    if ('line' in message) line = message.line;
    else {
      result = message.result;
      // Its memory let go before the build goes on.
      void worker.terminate();
    }
  });
  worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') result = { diagnostics: [outOfMemory(source, file, line)] };
    else failure = error;
  });
  return new Promise((resolve, reject) => {
    worker.on('exit', () => (result ? resolve(result) : reject(failure ?? new Error('the Markdown parse stopped'))));
  });
}

function outOfMemory(source: string, file: string, line: number): ParseResult['diagnostics'][number] {
  const mb = WORKER_HEAP_MB.old + WORKER_HEAP_MB.young;
  return {
    file,
    line,
    column: 1,
    severity: 'error',
    message: messages.parseOutOfMemory(mb),
    hint: messages.parseOutOfMemoryHint,
    sourceLine: source.split(/\r?\n/, line)[line - 1],
  };
}
