import type { Command } from 'commander';
import { printDiagnostics, printWritten } from '../report.js';

/** `mdcv theme eject NAME DIR`: a built-in theme copied out, to make one's own. */
export function registerThemeEject(program: Command): void {
  const theme =
    program.commands.find((c) => c.name() === 'theme') ?? program.command('theme').description('work with themes');
  theme
    .command('eject')
    .description('copy theme NAME into DIR (a new folder) to customise; then use it with `theme: ./DIR`')
    .argument('<name>', 'a built-in theme (see `mdcv themes`)')
    .argument('<dir>', 'a new folder for the copy')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (name: string, dir: string, options: { quiet?: boolean }) => {
      const [{ ejectTheme }, { ThemeError }] = await Promise.all([
        import('../../render/eject.js'),
        import('../../render/index.js'),
      ]);
      try {
        printWritten(await ejectTheme(name, dir), options.quiet);
      } catch (error) {
        if (!(error instanceof ThemeError)) throw error;
        printDiagnostics([error.toDiagnostic()]);
        process.exitCode = 1;
      }
    });
}
