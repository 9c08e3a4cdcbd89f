#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build.js';
import { printDiagnostics } from './report.js';

const USAGE = `usage: mdcv build [FILE.md] [--out DIR] [--theme NAME] [--verbose]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'build') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, theme: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
    });
  } catch (error) {
    process.stderr.write(`mdcv: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = parsed.positionals[0] ?? 'resume.md';
  const result = await build({ file, outDir: parsed.values.out, theme: parsed.values.theme });
  printDiagnostics(result.diagnostics, process.stderr, parsed.values.verbose);
  if (!result.ok) return 1;
  for (const output of Object.values(result.outputs)) process.stdout.write(`wrote ${path.relative(process.cwd(), output)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A bug of ours, not the person's mistake: still one line, with a way to report it.
    process.stderr.write(`mdcv: internal error: ${(error as Error).message ?? String(error)} (please report this)\n`);
    process.exit(70);
  },
);
