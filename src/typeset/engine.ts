import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readLog, type LogProblem } from './log.js';

export interface TypesetOptions {
  /** Folder holding `<jobname>.tex` and what it includes; the engine runs there. */
  dir: string;
  jobname: string;
  /** Kill a runaway run after this long (ms). */
  timeout?: number;
}

export type TypesetResult =
  | { ok: true; pdf: string; log: string; passes: number }
  | { ok: false; reason: 'missing-engine' | 'timeout' | 'error'; log: string; problems: LogProblem[] };

export const DEFAULT_TIMEOUT = 60_000;
const MAX_PASSES = 3;

/**
 * Typesets with pdflatex, sandboxed: no shell escape, and reading and writing
 * only inside the build folder (`openin_any=p`, `openout_any=p`). Runs again
 * only when the log asks for it.
 */
export async function typesetPdf(options: TypesetOptions): Promise<TypesetResult> {
  const { dir, jobname, timeout = DEFAULT_TIMEOUT } = options;
  const logFile = path.join(dir, `${jobname}.log`);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const run = await execa(
      'pdflatex',
      ['-interaction=nonstopmode', '-halt-on-error', '-file-line-error', '-no-shell-escape', `${jobname}.tex`],
      {
        cwd: dir,
        // One log line per message (TeX wraps at 79 columns by default), so the log reader sees it whole.
        env: { openin_any: 'p', openout_any: 'p', shell_escape: 'f', max_print_line: '10000' },
        timeout,
        reject: false,
        stdin: 'ignore',
      },
    );
    if (run.code === 'ENOENT') return { ok: false, reason: 'missing-engine', log: '', problems: [] };
    const log = await readFile(logFile, 'utf8').catch(() => run.stdout);
    if (run.timedOut) return { ok: false, reason: 'timeout', log, problems: readLog(log) };
    if (run.exitCode !== 0) return { ok: false, reason: 'error', log, problems: readLog(log) };
    if (!/Rerun to get|Label\(s\) may have changed/.test(log)) {
      return { ok: true, pdf: path.join(dir, `${jobname}.pdf`), log, passes: pass };
    }
  }
  const log = await readFile(logFile, 'utf8');
  return { ok: true, pdf: path.join(dir, `${jobname}.pdf`), log, passes: MAX_PASSES };
}
