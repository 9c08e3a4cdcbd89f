import path from 'node:path';
import type { BuildProgress, BuildResult } from '../model/build.js';
import type { WriteError } from '../files/errors.js';
import { formatDiagnostic, shownPath, type Diagnostic } from '../model/diagnostic.js';
import { readSource } from '../parse/read.js';
import { colorsFor } from './colors.js';

/**
 * What a terminal acts on: C0 and C1 control characters (ESC starts a colour,
 * a title, a link; CSI is ESC's one-byte twin), DEL, and the bidi overrides
 * and isolates that make text read in another order than it is.
 */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from the input (a key, a value, a link, a file name) as printed: each
 * control character as a visible code, `\x1b` or `\u202e`, so that nothing a
 * resume holds acts on the terminal. Everything the CLI prints passes here.
 */
export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Lines of text (a log excerpt), each made visible. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/** Prints diagnostics: one line each, then, for errors, the source line with a caret under the spot. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  stream: NodeJS.WritableStream = process.stderr,
  verbose = false,
): void {
  const colors = colorsFor(stream);
  for (const d of diagnostics) {
    const line = visible(formatDiagnostic(d));
    const severity = `${d.severity}:`;
    stream.write(
      `${line.replace(severity, d.severity === 'error' ? colors.red(severity) : colors.yellow(severity))}\n`,
    );
    if (d.severity === 'error' && d.sourceLine !== undefined && d.column !== undefined) {
      const { text, caret } = excerpt(d.sourceLine, d.column);
      stream.write(`  ${text}\n  ${' '.repeat(caret)}^\n`);
    }
    if (d.detail) stream.write(`${visibleLines(d.detail).replace(/^/gm, '  ')}\n`);
    if (verbose && d.log) stream.write(`${visibleLines(d.log)}\n`);
  }
}

/** Source lines longer than this are shown as a window around the spot. */
const WINDOW = 100;

/**
 * The part of a source line to show, and where the caret goes in it. Tabs and
 * control characters show as one space each, so the caret stays in its column.
 */
function excerpt(line: string, column: number): { text: string; caret: number } {
  const chars = [...line.replace(CONTROLS, ' ')];
  const spot = Math.min(Math.max(0, column - 1), chars.length);
  if (chars.length <= WINDOW) return { text: chars.join(''), caret: spot };
  const start = Math.max(0, Math.min(spot - WINDOW / 2, chars.length - WINDOW));
  const text = chars.slice(start, start + WINDOW).join('');
  return {
    text: `${start > 0 ? '…' : ''}${text}${start + WINDOW < chars.length ? '…' : ''}`,
    caret: spot - start + (start > 0 ? 1 : 0),
  };
}

/** A printer for build progress: one short line per finished step with its time (nothing with `quiet`). */
export function progressPrinter(
  quiet: boolean | undefined,
  stream: NodeJS.WritableStream = process.stderr,
): (progress: BuildProgress) => void {
  const colors = colorsFor(stream);
  return ({ step, ms, variant }) => {
    if (!quiet)
      stream.write(`${step.padEnd(8)}${colors.dim(duration(ms))}${variant === undefined ? '' : `  (${variant})`}\n`);
  };
}

/** Says what `pages:` chose for each fitted PDF (nothing with `quiet`). */
export function printFitted(
  fitted: NonNullable<BuildResult['fitted']>,
  quiet: boolean | undefined,
  stream: NodeJS.WritableStream = process.stderr,
): void {
  if (quiet) return;
  for (const fit of fitted) {
    stream.write(
      `fitted ${visible(fit.name)}.pdf on ${fit.pages} page${fit.pages === 1 ? '' : 's'}: ${fit.fontSize}pt, ${fit.spacing}% spacing, ${fit.margin} margins (${fit.runs} run${fit.runs === 1 ? '' : 's'})\n`,
    );
  }
}

/** Prints the files a command wrote (or found `unchanged`), relative to the current folder (nothing with `quiet`). */
export function printWritten(
  files: readonly string[],
  quiet: boolean | undefined,
  stream: NodeJS.WritableStream = process.stdout,
  verb = 'wrote',
): void {
  if (quiet) return;
  const colors = colorsFor(stream);
  for (const file of files) stream.write(`${colors.green(verb)} ${visible(path.relative(process.cwd(), file))}\n`);
}

/**
 * A mistake in the command line that mdcv finds itself, in one line; exit 64 (sysexits' usage error, as for
 * commander's).
 */
export function printUsageError(message: string, stream: NodeJS.WritableStream = process.stderr): undefined {
  stream.write(`mdcv: ${visible(message)}\n`);
  process.exitCode = 64;
  return undefined;
}

/**
 * Says which file could not be written and why, in one line, and sets sysexits' code (73 cannot create, 74 I/O error).
 */
export function printWriteError(error: WriteError, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(`mdcv: cannot write ${visible(shownPath(error.path))}: ${visible(error.reason)}\n`);
  process.exitCode = error.exitCode;
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Reads a command's input file; when it cannot be read, says why and sets exit code 1. */
export async function readInput(file: string): Promise<string | undefined> {
  const read = await readSource(file);
  if (read.ok) return read.source;
  printDiagnostics([read.diagnostic]);
  process.exitCode = 1;
  return undefined;
}
