import type { Command } from 'commander';

/** `mdcv themes`: the built-in themes, one a line, name first. */
export function registerThemes(program: Command): void {
  program
    .command('themes')
    .description('list the built-in themes, one a line: name, then what it looks like')
    .action(async () => {
      const { listThemes } = await import('../../render/index.js');
      const themes = await listThemes();
      const width = Math.max(...themes.map((t) => t.name.length));
      for (const theme of themes) process.stdout.write(`${theme.name.padEnd(width)}  ${theme.description}\n`);
    });
}
