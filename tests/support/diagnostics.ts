import type { Diagnostic } from '../../src/model/diagnostic.js';
import { printDiagnostics } from '../../src/cli/report.js';

/** Diagnostics as the CLI prints them (no colour: the stream is not a terminal). */
export function printed(diagnostics: readonly Diagnostic[], verbose = false): string {
  let out = '';
  printDiagnostics(
    diagnostics,
    { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
    verbose,
  );
  return out;
}

/** A line of a Node stack trace (`    at fn (file:1:2)`), which the CLI must never print. */
export const STACK_LINE = /^\s+at .+[:(]/m;
