import { formatDiagnostic, type Diagnostic } from '../model/diagnostic.js';

/** Prints diagnostics: one line each, then, for errors, the source line with a caret under the spot. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr, verbose = false): void {
  for (const d of diagnostics) {
    stream.write(`${formatDiagnostic(d)}\n`);
    if (d.severity === 'error' && d.sourceLine !== undefined && d.column !== undefined) {
      stream.write(`  ${d.sourceLine}\n  ${' '.repeat(Math.max(0, d.column - 1))}^\n`);
    }
    if (verbose && d.detail) stream.write(`${d.detail}\n`);
  }
}
