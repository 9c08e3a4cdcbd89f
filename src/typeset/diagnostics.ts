import type { Diagnostic } from '../model/diagnostic.js';
import type { Resume } from '../model/resume.js';
import type { TypesetResult } from './engine.js';

const INSTALL_HINT = 'on Debian/Ubuntu: sudo apt-get install texlive-latex-base texlive-latex-recommended texlive-fonts-recommended; elsewhere install TeX Live or MacTeX';

/** Turns a failed engine run into diagnostics a person can act on. */
export function engineDiagnostics(result: Extract<TypesetResult, { ok: false }>, resume: Resume): Diagnostic[] {
  const file = resume.file;
  switch (result.reason) {
    case 'missing-engine':
      return [{ file, severity: 'error', message: 'pdflatex is not installed', hint: INSTALL_HINT }];
    case 'timeout':
      return [{ file, severity: 'error', message: 'pdflatex ran too long and was stopped', detail: result.log }];
    case 'error': {
      const first = result.problems[0];
      return [
        {
          file,
          severity: 'error',
          message: `LaTeX failed: ${first?.message ?? 'see the log'}${first?.texLine ? ` (generated .tex line ${first.texLine})` : ''}`,
          detail: result.log,
        },
      ];
    }
  }
}
