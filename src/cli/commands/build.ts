import path from 'node:path';
import type { Command } from 'commander';
import { build } from '../../build.js';
import { printDiagnostics } from '../report.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('typeset FILE.md into DIR/NAME.pdf, DIR/NAME.html and DIR/NAME.tex')
    .argument('[file]', 'the resume Markdown', 'resume.md')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .option('-v, --verbose', 'show the full engine log on failure')
    .action(async (file: string, options: { out: string; theme?: string; verbose?: boolean }) => {
      const result = await build({ file, outDir: options.out, theme: options.theme });
      printDiagnostics(result.diagnostics, process.stderr, options.verbose);
      if (!result.ok) {
        process.exitCode = 1;
        return;
      }
      for (const output of Object.values(result.outputs)) process.stdout.write(`wrote ${path.relative(process.cwd(), output)}\n`);
    });
}
