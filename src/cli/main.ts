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
import { causeOf, WriteError } from '../files/errors.js';
import { removeScratch } from '../scratch.js';
import { stopPrograms } from '../typeset/run.js';
import { registerDoctor } from './commands/doctor.js';
import { printWriteError, visible, visibleLines } from './report.js';

/**
 * Exit codes: 0 success, 1 the resume has errors; and from sysexits, 64 wrong
 * usage, 70 a bug in mdcv, 73 a file or folder that cannot be created, 74 an I/O error.
 */
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

/**
 * A usage error is one line: what is wrong, and where the command's usage is (not the whole help); it quotes the
 * command line, which may hold control characters.
 */
function oneLineUsageErrors(command: Command): void {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  const name = names.join(' ');
  command.configureOutput({
    outputError: (message, write) =>
      write(visibleLines(`${name}: ${message.trim().split('\n').join(' ')} (see \`${name} --help\`)\n`)),
  });
  command.commands.forEach(oneLineUsageErrors);
}

// Interrupted: stop the engine, remove the build's scratch files, then exit as the signal would (128 + its number).
// The engine first: still running, it could add a file to its folder as that is emptied (and rmSync would throw).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    stopPrograms();
    removeScratch();
    process.exit(code);
  });
}

// A reader that stops early (`mdcv build a.md b.md | head -1`) closes the pipe: the command
// carries on (a build still writes its files), with nothing more to say there.
// Any other failure to write (a full disk it is redirected to) is told on the other stream.
const streams = [
  [process.stdout, process.stderr, 'standard output'],
  [process.stderr, process.stdout, 'standard error'],
] as const;
for (const [stream, other, name] of streams) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    printWriteError(new WriteError(name, error.code ?? 'EIO', causeOf(error)), other);
  });
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 64;
    return;
  }
  // The person's disk or path, not a bug.
  if (error instanceof WriteError) return printWriteError(error);
  // A bug of ours, not the person's mistake: still one line, with a way to report it.
  process.stderr.write(
    `mdcv: internal error: ${visible(error instanceof Error ? error.message : String(error))} (please report this)\n`,
  );
  process.exitCode = 70;
});
