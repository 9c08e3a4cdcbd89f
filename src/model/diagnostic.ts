import path from 'node:path';
/** Where a problem is, in a person's source file (1-based line and column). */
export interface SourcePosition {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * A problem found by a stage. Stages return these instead of printing or
 * throwing, so the CLI (or any other caller) decides how to show them.
 */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  message: string;
  /** A suggestion for the fix, e.g. "did you mean `email`?". */
  hint?: string;
  /** The text of the source line, for showing a caret under the spot. */
  sourceLine?: string;
  /** A few lines that show the problem (e.g. the TeX log lines that matter). */
  detail?: string;
  /** The whole engine log, shown on request (--verbose). */
  log?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Adds what is not told already (the same message on the same line): variants share lines, each is told once. */
export function addOnce(diagnostics: Diagnostic[], found: readonly Diagnostic[]): void {
  for (const d of found)
    if (!diagnostics.some((seen) => seen.message === d.message && seen.line === d.line)) diagnostics.push(d);
}

/** `FILE:LINE:COL: severity: message` — the one-line form people and editors read. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [shownPath(d.file), d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}: ${d.severity}: ${d.message}${hint}`;
}

/** The place of a frontmatter value (`theme: modrn` → under `modrn`), with its line for the caret. */
export function atValue(
  file: string,
  sourceLines: readonly string[],
  line: number | undefined,
): Pick<Diagnostic, 'file' | 'line' | 'column' | 'sourceLine'> {
  const sourceLine = line === undefined ? undefined : sourceLines[line - 1];
  if (sourceLine === undefined) return { file, line };
  const key = /^\s*[^:#]+:\s*/.exec(sourceLine);
  return { file, line, column: (key?.[0].length ?? 0) + 1, sourceLine };
}

/**
 * A path as a person wrote it: relative to the working folder when inside it (a theme file is found by its
 * absolute path), else whole.
 */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const out = relative === '..' || relative.startsWith(`..${path.sep}`);
  return relative === '' || out || path.isAbsolute(relative) ? file : relative;
}
