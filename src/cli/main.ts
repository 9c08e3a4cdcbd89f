#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../package.js';
// Commands load what they need when they run, so each starts without the others' modules.
import { registerBuild } from './commands/build.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerThemeEject } from './commands/theme-eject.js';
import { registerThemes } from './commands/themes.js';
import { registerValidate } from './commands/validate.js';
import { registerWatch } from './commands/watch.js';
import { removeScratch } from '../scratch.js';
import { registerDoctor } from './commands/doctor.js';

/** Exit codes: 0 success, 1 the resume has errors, 2 wrong usage, 70 a bug in mdcv. */
const program = new Command('mdcv')
  .description('Typeset a Markdown resume into a PDF (LaTeX) and a matching HTML page')
  .version(VERSION)
  .exitOverride();
registerBuild(program);
registerInit(program, VERSION);
registerImport(program);
registerExport(program);
registerValidate(program);
registerWatch(program);
registerThemes(program);
registerThemeEject(program);
registerDoctor(program);
oneLineUsageErrors(program);

/** A usage error is one line: what is wrong, and where the command's usage is (not the whole help). */
function oneLineUsageErrors(command: Command): void {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  const name = names.join(' ');
  command.configureOutput({
    outputError: (message, write) => write(`${name}: ${message.trim().split('\n').join(' ')} (see \`${name} --help\`)\n`),
  });
  command.commands.forEach(oneLineUsageErrors);
}

// Interrupted: remove the build's scratch files, then exit as the signal would (128 + its number).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    removeScratch();
    process.exit(code);
  });
}

// A reader that stops early (`mdcv build a.md b.md | head -1`) closes the pipe: the command
// carries on (a build still writes its files), with nothing more to say there.
// Any other failure to write is told on the other stream, as a bug of ours would be.
for (const [stream, other] of [[process.stdout, process.stderr], [process.stderr, process.stdout]] as const) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    other.write(`mdcv: internal error: cannot write: ${error.message} (please report this)\n`);
    process.exitCode = 70;
  });
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  // A bug of ours, not the person's mistake: still one line, with a way to report it.
  process.stderr.write(`mdcv: internal error: ${error instanceof Error ? error.message : String(error)} (please report this)\n`);
  process.exitCode = 70;
});
