import type { Command } from 'commander';
import { printDiagnostics, visible } from '../report.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check FILE.md (frontmatter, body, theme, photo) without typesetting; writes no outputs')
    .argument('[files...]', 'the resume Markdown files', ['resume.md'])
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .option('--no-cache', 'use and fill nothing in the cache folder (compiled templates, parsed sections)')
    .action(async (files: string[], options: { theme?: string; cache: boolean }) => {
      const { validate } = await import('../../validate.js');
      for (const file of files) {
        const result = await validate({ file, theme: options.theme, cache: options.cache });
        printDiagnostics(result.diagnostics);
        if (result.ok) process.stdout.write(`${visible(file)}: ok\n`);
        else process.exitCode = 1;
      }
    });
}
