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

/** The theme asked for is none: a built-in of that name or a folder with a theme.yaml (the mistake is in the choice). */
export class NoTheme extends ThemeError {}
