import path from 'node:path';
import { readTail } from '../files/read.js';
import { DEFAULT_TIMEOUT } from '../model/build.js';
import type { EngineName } from '../model/scripts.js';
import { readLog, type LogProblem } from './log.js';
import { deadline, type RunResult } from './run.js';
import { runEngine } from './sandbox.js';

export interface TypesetOptions {
  /** Folder holding `<jobname>.tex` and what it includes; the engine runs there. */
  dir: string;
  jobname: string;
  /** Kill a runaway run after this long (ms), all passes together. */
  timeout?: number;
  /** The LaTeX engine's command (default `pdflatex`); the build picks it from the resume's text. */
  engine?: EngineName;
  /** A format file (without `.fmt`) holding the document's preamble, to start from. */
  format?: string;
  /** Gives the first pass's run instead of starting the engine (one already started and waiting). */
  firstRun?: () => Promise<RunResult>;
  /** Called once the engine has the document: from then on it typesets beside the caller's other work. */
  started?: () => void;
}

export type TypesetResult =
  | { ok: true; engine: EngineName; pdf: string; log: string; passes: number }
  | {
      ok: false;
      engine: EngineName;
      reason: 'missing-engine' | 'timeout' | 'overran' | 'error';
      /** With `overran`: stopped for printing (`output`) or writing (`files`) far more than a resume does (run.ts). */
      overran?: 'output' | 'files';
      log: string;
      problems: LogProblem[];
    };

export const DEFAULT_ENGINE: EngineName = 'pdflatex';
const MAX_PASSES = 3;

/**
 * Typesets with pdflatex or xelatex, sandboxed (see sandbox.ts): no shell escape, and
 * reading and writing only inside the build folder. Runs again only when the log asks for it.
 */
export async function typesetPdf(options: TypesetOptions): Promise<TypesetResult> {
  const { dir, jobname, timeout = DEFAULT_TIMEOUT, engine = DEFAULT_ENGINE, format } = options;
  const logFile = path.join(dir, `${jobname}.log`);
  const left = deadline(timeout);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    if (left() === 0) {
      return { ok: false, engine, reason: 'timeout', log: logOf(logFile) ?? '', problems: [] };
    }
    const running =
      pass === 1 && options.firstRun
        ? options.firstRun()
        : runEngine(
            engine,
            [
              '-interaction=nonstopmode',
              '-halt-on-error',
              '-file-line-error',
              '-no-shell-escape',
              ...(format ? [`-fmt=${format}`] : []),
              `${jobname}.tex`,
            ],
            { dir, readable: format ? [`${format}.fmt`] : [], timeout: left() },
          );
    if (pass === 1) options.started?.();
    const run = await running;
    if (run.code === 'ENOENT') return { ok: false, engine, reason: 'missing-engine', log: '', problems: [] };
    const log = logOf(logFile) ?? run.stdout;
    if (run.overran) return { ok: false, engine, reason: 'overran', overran: run.overran, log, problems: [] };
    if (run.timedOut) return { ok: false, engine, reason: 'timeout', log, problems: readLog(log) };
    if (run.exitCode !== 0) return { ok: false, engine, reason: 'error', log, problems: readLog(log) };
    if (!asksForRerun(log)) {
      return { ok: true, engine, pdf: path.join(dir, `${jobname}.pdf`), log, passes: pass };
    }
  }
  const log = logOf(logFile) ?? '';
  return { ok: true, engine, pdf: path.join(dir, `${jobname}.pdf`), log, passes: MAX_PASSES };
}

/**
 * The engine's log, or its last MB: a runaway loop's log is as long as the time it had (GBs), and what is read
 * from it (an error, a rerun request) is at its end.
 */
function logOf(file: string): string | undefined {
  return readTail(file, LOG_TAIL)?.toString();
}

const LOG_TAIL = 1024 * 1024;

/** A pass that changed labels, or an outline that is not empty, needs another. */
function asksForRerun(log: string): boolean {
  if (/Label\(s\) may have changed|Rerun to get (?!outlines right)/.test(log)) return true;
  // hyperref counts its outline file going from none to empty as a change: with no bookmarks there is nothing to get
  // right.
  const outlines = [
    ...log.matchAll(
      /Checksums for `[^']*\.out':\s*\(rerunfilecheck\)\s*Before: (<no file>|\S+?)\.?\s*\(rerunfilecheck\)\s*After: +(\S+?)\.?\s/g,
    ),
  ];
  const empty = ['<no file>', 'D41D8CD98F00B204E9800998ECF8427E;0'];
  return (
    /Rerun to get outlines right/.test(log) &&
    !outlines.every(([, before, after]) => empty.includes(before!) && after === empty[1])
  );
}
