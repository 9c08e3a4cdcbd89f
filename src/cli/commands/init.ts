import path from 'node:path';
import type { Command } from 'commander';
import { printWritten, visible } from '../report.js';

export function registerInit(program: Command, version: string): void {
  program
    .command('init')
    .description('start a resume project in DIR: resume.md, a placeholder photo, a Makefile and GitHub workflows (never overwrites a file)')
    .argument('[dir]', 'the project folder', '.')
    .option('-q, --quiet', 'print only what was kept')
    .action(async (dir: string, options: { quiet?: boolean }) => {
      const { scaffold } = await import('../../init/scaffold.js');
      const { written, kept } = await scaffold(dir, version);
      printWritten(written, options.quiet);
      for (const file of kept) process.stderr.write(`kept ${visible(path.relative(process.cwd(), file))} (it exists)\n`);
      if (!options.quiet && written.some((file) => file.endsWith('resume.md'))) {
        process.stdout.write(`next: edit ${visible(path.relative(process.cwd(), path.resolve(dir, 'resume.md')))}, then run \`mdcv build\` (or \`make\`) there\n`);
      }
    });
}
