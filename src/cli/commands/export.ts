import { Option, type Command } from 'commander';
import { writeWhole } from '../../files/write.js';
import { hasErrors } from '../../model/diagnostic.js';
import { messages } from '../../model/messages.js';
import { printDiagnostics, printWritten, readInput } from '../report.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a resume as a JSON Resume (schema 1.x)')
    .argument('[file]', 'the resume Markdown', 'resume.md')
    .addOption(new Option('--format <format>', 'the format to write').choices(['json-resume']).default('json-resume'))
    .option('-o, --out <file>', 'the JSON to write (default: FILE with .json)')
    .option('-q, --quiet', 'print only warnings and errors')
    .action(async (file: string, options: { out?: string; quiet?: boolean }) => {
      const source = await readInput(file);
      if (source === undefined) return;
      const { isLetter } = await import('../../parse/letter.js');
      if (isLetter(source)) {
        printDiagnostics([{ file, line: 1, severity: 'error', message: messages.letterNotExported }]);
        process.exitCode = 1;
        return;
      }
      const [{ parseResumeBounded }, { resumeToJsonResume }] = await Promise.all([
        import('../../parse/bounded.js'),
        import('../../jsonresume/index.js'),
      ]);
      const parsed = await parseResumeBounded(source, file);
      const exported = parsed.resume && !hasErrors(parsed.diagnostics) ? resumeToJsonResume(parsed.resume) : undefined;
      printDiagnostics([...parsed.diagnostics, ...(exported?.diagnostics ?? [])]);
      if (!exported) {
        process.exitCode = 1;
        return;
      }
      const out = options.out ?? file.replace(/\.md$/i, '') + '.json';
      writeWhole(out, `${JSON.stringify(exported.data, null, 2)}\n`);
      printWritten([out], options.quiet);
    });
}
