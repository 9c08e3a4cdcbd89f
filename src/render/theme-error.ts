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
}
