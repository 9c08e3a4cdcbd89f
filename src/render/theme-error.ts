/** A template problem, with the template file and line it comes from. */
export class ThemeError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
