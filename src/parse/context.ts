import type { Diagnostic } from '../model/diagnostic.js';
import { localeFor, type Locale } from '../model/locale.js';

/** What every parse step shares: the source, and where its findings go. */
export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines: readonly string[];
  /** The frontmatter's `locale:`, once it is read: dates print in its words. */
  locale: Locale = localeFor();
  /** Link reference definitions (`[ref]: url`), by their normalized label. */
  definitions = new Map<string, string>();
  /** Footnote numbers, by label, in the order the footnotes are first referred to. */
  readonly notes = new Map<string, number>();
  /** HTML tags taken out of the text: one warning for them all, at the first. */
  readonly strippedTags: { count: number; first?: { line: number; column: number } } = { count: 0 };

  constructor(
    readonly file: string,
    readonly source: string,
  ) {
    this.lines = source.split(/\r?\n/);
  }

  report(severity: Diagnostic['severity'], line: number, column: number, message: string, hint?: string): void {
    this.diagnostics.push({ file: this.file, line, column, severity, message, hint, sourceLine: this.lines[line - 1] });
  }

  warn(place: { line: number; column: number } | undefined, message: string, hint?: string): void {
    this.report('warning', place?.line ?? 1, place?.column ?? 1, message, hint);
  }

  error(place: { line: number; column: number } | undefined, message: string, hint?: string): void {
    this.report('error', place?.line ?? 1, place?.column ?? 1, message, hint);
  }
}
