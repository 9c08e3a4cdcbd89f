import { InvalidArgumentError, Option, type Command } from 'commander';
import { build, DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from '../../build.js';
import { printDiagnostics, printWritten, progressPrinter } from '../report.js';

interface BuildCommandOptions {
  out: string;
  theme?: string;
  format: OutputFormat[];
  tag: string[];
  timeout?: number;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('typeset FILE.md into DIR/NAME.pdf, DIR/NAME.html and DIR/NAME.tex (and more with --format)')
    .argument('[file]', 'the resume Markdown', 'resume.md')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .addOption(
      new Option('-f, --format <list>', `what to write, a comma list of ${OUTPUT_FORMATS.join(', ')}`)
        .argParser(parseFormats)
        .default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')),
    )
    .option('-t, --tag <name>', 'keep what is untagged or tagged {.NAME}, drop the rest (repeatable)', (tag: string, tags: string[]) => [...tags, tag], [])
    .option('--timeout <seconds>', 'stop pdflatex after this long (over the frontmatter; default 60)', parseSeconds)
    .option('-q, --quiet', 'print only warnings and errors')
    .option('-v, --verbose', 'show the full engine log on failure')
    .action(async (file: string, options: BuildCommandOptions) => {
      const result = await build({
        file,
        outDir: options.out,
        theme: options.theme,
        formats: options.format,
        tags: options.tag.length > 0 ? options.tag : undefined,
        timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
        onProgress: progressPrinter(options.quiet),
      });
      printDiagnostics(result.diagnostics, process.stderr, options.verbose);
      // Without TeX a build still writes the HTML and .tex, and fails.
      printWritten([result.outputs, ...Object.values(result.variants)].flatMap(Object.values), options.quiet);
      if (!result.ok) process.exitCode = 1;
    });
}

function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new InvalidArgumentError(`formats are ${OUTPUT_FORMATS.join(', ')}; got \`${list}\``);
  return [...new Set(formats)] as OutputFormat[];
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`expected a number of seconds, more than 0; got \`${value}\``);
  return seconds;
}
