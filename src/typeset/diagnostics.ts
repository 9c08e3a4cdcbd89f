import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import type { Resume } from '../model/resume.js';
import type { TypesetResult } from './engine.js';
import { installHint } from './install.js';

/** The source marker the LaTeX output carries (see src/render/latex/language.ts). */
const MARKER = /(?<!\\)%mdcv line (\d+)$/;

/**
 * Turns a failed engine run into diagnostics a person can act on: a TeX
 * error is placed on the Markdown line its generated text came from, with
 * the log lines that show it; the whole log rides along for --verbose.
 */
export function engineDiagnostics(
  result: Extract<TypesetResult, { ok: false }>,
  resume: Resume,
  tex: string,
  timeout: number,
  sourceLines: readonly string[] = [],
): Diagnostic[] {
  const file = resume.file;
  switch (result.reason) {
    case 'missing-engine':
      return [{ file, severity: 'error', message: messages.engineMissing('pdflatex'), hint: installHint() }];
    case 'timeout':
      return [{ file, severity: 'error', message: messages.engineTimeout('pdflatex', Math.round(timeout / 100) / 10), hint: messages.engineTimeoutHint, log: result.log }];
    case 'error': {
      const first = result.problems[0];
      const message = first?.message ?? 'see the log';
      const detail = first?.context.join('\n');
      const line = first?.texLine === undefined ? undefined : markdownLine(tex, first.texLine, resume, detail ?? message);
      if (line !== undefined) {
        return [{ file, line, column: 1, severity: 'error', message: messages.engineFailed(message), sourceLine: sourceLines[line - 1], detail, log: result.log }];
      }
      const text = first?.texLine === undefined ? messages.engineFailed(message) : messages.engineFailedInTemplate(message, first.texLine);
      return [{ file, severity: 'error', message: text, hint: messages.engineLogHint, detail, log: result.log }];
    }
  }
}

/**
 * The Markdown line behind a line of the generated .tex: the nearest source
 * marker above it. Before the first marker is the header and the theme's own
 * code; an error there that names the photo belongs to the `photo:` line.
 */
function markdownLine(tex: string, texLine: number, resume: Resume, evidence: string): number | undefined {
  const lines = tex.split('\n');
  for (let i = Math.min(texLine, lines.length) - 1; i >= 0; i--) {
    const marker = MARKER.exec(lines[i]!);
    if (marker) return Number(marker[1]);
  }
  const photo = resume.person.photo;
  if (photo !== undefined && resume.keyLines.photo !== undefined && /photo\.(png|jpe?g|pdf)|image|graphic/i.test(evidence)) return resume.keyLines.photo;
  return undefined;
}
