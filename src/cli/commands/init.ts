import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { exampleNames } from '../../init/scaffold.js';
import { messages } from '../../model/messages.js';
import { printDiagnostics, printWritten, visible } from '../report.js';

export function registerInit(program: Command, version: string): void {
  program
    .command('init')
    .description(
      'start a resume project: a resume, a placeholder photo, a Makefile, a package.json and GitHub workflows (never overwrites a file)',
    )
    .argument('[target]', 'a folder, or NAME.md to start that file and the project beside it', '.')
    .option(
      '--example <name>',
      `start from a realistic example instead of placeholders: ${exampleNames().join(', ')}`,
      parseExample,
    )
    .option('-q, --quiet', 'print only what was kept')
    .action(async (target: string, options: { example?: string; quiet?: boolean }) => {
      const { scaffold } = await import('../../init/scaffold.js');
      const { written, kept, diagnostics } = await scaffold({ target, version, example: options.example });
      printDiagnostics(diagnostics);
      printWritten(written, options.quiet);
      for (const file of kept)
        process.stderr.write(`kept ${visible(path.relative(process.cwd(), file))} (it exists)\n`);
      if (diagnostics.length > 0) process.exitCode = 1;
      const resume = written.find((file) => file.endsWith('.md'));
      if (!options.quiet && resume) {
        const dir = path.relative(process.cwd(), path.dirname(resume));
        process.stdout.write(
          `next: edit ${visible(path.relative(process.cwd(), resume))}, then run \`make\` (or \`mdcv build\`)${dir ? ` in ${visible(dir)}` : ''}\n`,
        );
        process.stdout.write(
          'for the GitHub workflows: `npm install` there writes package-lock.json, which pins mdcv; commit it too\n',
        );
      }
    });
}

function parseExample(name: string): string {
  if (!exampleNames().includes(name)) throw new InvalidArgumentError(messages.initNoExample(name, exampleNames()));
  return name;
}
