import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { writeWhole } from '../../files/write.js';
import { hasErrors } from '../../model/diagnostic.js';
import { messages } from '../../model/messages.js';
import { printDiagnostics, printWritten, readInput } from '../report.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('turn a JSON Resume (schema 1.x) into a resume in the Markdown format')
    .argument('<file>', 'the JSON Resume, e.g. resume.json')
    .option('-o, --out <file>', 'the Markdown to write (default: FILE with .md)')
    .option('--force', 'overwrite the Markdown file if it exists')
    .option('-q, --quiet', 'print only warnings and errors')
    .action(async (file: string, options: { out?: string; force?: boolean; quiet?: boolean }) => {
      const out = options.out ?? file.replace(/\.json$/i, '') + '.md';
      const source = await readInput(file);
      if (source === undefined) return;
      const { jsonResumeToMarkdown, readJson } = await import('../../jsonresume/index.js');
      const json = readJson(source, file);
      const result =
        json.data === undefined
          ? { markdown: '', diagnostics: json.diagnostics }
          : jsonResumeToMarkdown(json.data, file);
      if (!hasErrors(result.diagnostics) && existsSync(out) && !options.force) {
        result.diagnostics.push({
          file: out,
          severity: 'error',
          message: messages.importWouldOverwrite,
          hint: messages.importWouldOverwriteHint,
        });
      }
      printDiagnostics(result.diagnostics);
      if (hasErrors(result.diagnostics)) {
        process.exitCode = 1;
        return;
      }
      writeWhole(out, result.markdown);
      printWritten([out], options.quiet);
    });
}
