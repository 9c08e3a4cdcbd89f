import type { Command } from 'commander';
import { printDiagnostics } from '../report.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check FILE.md (frontmatter, body, theme, photo) without typesetting; writes no outputs')
    .argument('[files...]', 'the resume Markdown files', ['resume.md'])
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .action(async (files: string[], options: { theme?: string }) => {
      const { validate } = await import('../../validate.js');
      for (const file of files) {
        const result = await validate({ file, theme: options.theme });
        printDiagnostics(result.diagnostics);
        if (result.ok) process.stdout.write(`${file}: ok\n`);
        else process.exitCode = 1;
      }
    });
}
