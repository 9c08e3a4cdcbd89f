import type { Command } from 'commander';
import { listThemes } from '../../render/index.js';

/** `mdcv themes`: the built-in themes, one a line, name first. */
export function registerThemes(program: Command): void {
  program
    .command('themes')
    .description('list the built-in themes, one a line: name, then what it looks like')
    .action(async () => {
      const themes = await listThemes();
      const width = Math.max(...themes.map((t) => t.name.length));
      for (const theme of themes) process.stdout.write(`${theme.name.padEnd(width)}  ${theme.description}\n`);
    });
}
