import type { Command } from 'commander';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the TeX engines and fonts; with FILE, say which ones that resume needs and whether they are installed',
    )
    .argument('[files...]', 'resume Markdown files')
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .option('--needs', 'print what the files need, one `CHECK<TAB>PACKAGES` line each, for scripts/ensure-packages.sh')
    .action(async (files: string[], options: { theme?: string; needs?: boolean }) => {
      const { checkFile, checkSystem, printNeeds } = await import('../doctor-report.js');
      if (options.needs) return printNeeds(files.length > 0 ? files : ['resume.md'], options.theme);
      if (files.length === 0) process.exitCode = await checkSystem(options.theme);
      for (const file of files)
        process.exitCode = Math.max(Number(process.exitCode ?? 0), await checkFile(file, options.theme));
    });
}
