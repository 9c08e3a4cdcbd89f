import type { Diagnostic } from '../model/diagnostic.js';

/** A template problem, with the template file and line it comes from. */
export class ThemeError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    /** A likely fix, such as the built-in theme nearest to a misspelt name. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /** The problem as every command reports it. */
  toDiagnostic(): Diagnostic {
    return {
      file: this.file,
      line: this.line,
      severity: 'error',
      message: this.message,
      ...(this.hint && { hint: this.hint }),
    };
  }
}

/**
 * The theme asked for is none: a built-in of that name or a folder with a theme.yaml (the mistake is in the choice).
 */
export class NoTheme extends ThemeError {}
