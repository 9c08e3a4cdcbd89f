import { InvalidArgumentError, Option, type Command } from 'commander';
import os from 'node:os';
import path from 'node:path';
import type { BuildOptions, BuildResult } from '../../model/build.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from '../../model/outputs.js';
import { messages } from '../../model/messages.js';
import { checkStamp } from '../../stamp.js';
import { WriteError } from '../../files/errors.js';
import {
  printDiagnostics,
  printFitted,
  printUsageError,
  printWriteError,
  printWritten,
  progressPrinter,
} from '../report.js';

interface BuildCommandOptions {
  out: string;
  theme?: string;
  format: OutputFormat[];
  tag: string[];
  timeout?: number;
  cache: boolean;
  jobs: number;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'typeset each FILE.md into DIR/NAME.pdf, DIR/NAME.html and DIR/NAME.tex (and more with --format), several in parallel',
    )
    .argument('[files...]', 'the resume Markdown files', ['resume.md'])
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--theme <name>', 'a built-in theme, or a path to a theme folder (over the frontmatter)')
    .addOption(
      new Option(
        '-f, --format <list>',
        `what to write, a comma list of ${OUTPUT_FORMATS.join(', ')} (json: a JSON Resume, also called json-resume)`,
      )
        .argParser(parseFormats)
        .default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')),
    )
    .addOption(
      new Option(
        '-t, --tag <name>',
        'keep what is untagged or tagged {.NAME}, drop the rest (repeatable); writes NAME-TAG.*',
      )
        .argParser((tag: string, tags: string[]) => [...tags, parseTag(tag)])
        .default([], 'everything'),
    )
    .option('--timeout <seconds>', 'stop the build after this long (over the frontmatter; default 60)', parseSeconds)
    .option(
      '--no-cache',
      'build from scratch, using nothing in the cache folder (no precompiled preamble, no skipping an unchanged build)',
    )
    // One more than the cores: a build waits on its engine part of the time, and another one's parsing fills it.
    .addOption(
      new Option('-j, --jobs <n>', 'how many files to build at once')
        .argParser(parseCount)
        .default(os.availableParallelism() + 1, 'one more than the cores'),
    )
    .option('-q, --quiet', 'print only warnings and errors')
    .option('-v, --verbose', 'show the full engine log on failure')
    .action(async (given: string[], options: BuildCommandOptions) => {
      const files = distinctOutputs(given, options.out);
      if (!files) return;
      const several = files.length > 1;
      await inParallel(files, options.jobs, async (file) => {
        const result = await buildOnce({
          file,
          outDir: options.out,
          theme: options.theme,
          formats: options.format,
          tags: options.tag.length > 0 ? options.tag : undefined,
          timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
          cache: options.cache,
          // An engine started ahead is one more process at once: only while -j leaves a slot for it.
          engineAhead: options.jobs > files.length,
          // Step times of several builds at once would interleave into noise.
          onProgress: progressPrinter(options.quiet || several),
        });
        if (!result) return;
        // A first run in an empty folder: say how to start one.
        const diagnostics = result.diagnostics.map((d) =>
          d.message === messages.fileMissing && d.file === 'resume.md' ? { ...d, hint: messages.startWithInit } : d,
        );
        printDiagnostics(diagnostics, process.stderr, options.verbose);
        printFitted(result.fitted ?? [], options.quiet);
        // Without TeX a build still writes the HTML and .tex, and fails.
        const written = [result.outputs, ...Object.values(result.variants)].flatMap(Object.values);
        printWritten(written, options.quiet, process.stdout, result.unchanged ? 'unchanged' : 'wrote');
        if (!result.ok) process.exitCode = 1;
      });
    });
}

/** An unchanged build is answered from its stamp, before the pipeline's modules are even loaded. */
async function buildOnce(options: BuildOptions): Promise<BuildResult | undefined> {
  const checked = await checkStamp(options);
  if (checked.unchanged) return checked.unchanged;
  const { build } = await import('../../build.js');
  try {
    return await build(options, checked);
  } catch (error) {
    // One output folder that cannot be written is told (after what the build found), and the other files' builds go on.
    if (!(error instanceof WriteError)) throw error;
    printDiagnostics(error.diagnostics);
    printWriteError(error);
    return undefined;
  }
}

/**
 * The files to build, each once; undefined (exit 64) when two would write the
 * same outputs (`x/resume.md` and `y/resume.md` both make out/resume.*), which
 * are refused before anything is built. Names are compared ignoring case, as
 * macOS and Windows file systems do.
 */
function distinctOutputs(files: readonly string[], out: string): string[] | undefined {
  const byName = new Map<string, string>();
  const distinct: string[] = [];
  for (const file of files) {
    const name = path.basename(file, path.extname(file));
    const other = byName.get(name.toLowerCase());
    if (other !== undefined && path.resolve(other) === path.resolve(file)) continue;
    if (other !== undefined) return printUsageError(messages.sameOutputs(other, file, path.join(out, name)));
    byName.set(name.toLowerCase(), file);
    distinct.push(file);
  }
  return distinct;
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Other names for a format: `json-resume`, as `mdcv export --format` calls it. */
const FORMAT_NAMES: Record<string, OutputFormat> = { 'json-resume': 'json' };

function parseFormats(list: string): OutputFormat[] {
  const formats = list
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
    .map((f) => FORMAT_NAMES[f] ?? f);
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0)
    throw new InvalidArgumentError(`formats are ${OUTPUT_FORMATS.join(', ')}; got \`${list}\``);
  return [...new Set(formats)] as OutputFormat[];
}

function parseTag(tag: string): string {
  if (!/^[\p{L}\p{N}_-]+$/u.test(tag))
    throw new InvalidArgumentError(`a tag is letters, digits, \`_\` and \`-\`, as in {.backend}; got \`${tag}\``);
  return tag;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidArgumentError(`expected a whole number, 1 or more; got \`${value}\``);
  return count;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError(`expected a number of seconds, more than 0; got \`${value}\``);
  return seconds;
}
