import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, shownPath } from '../../src/model/diagnostic.js';

describe('formatDiagnostic', () => {
  it('names a file inside the working folder from there, and any other by its whole path', () => {
    const inside = path.join(process.cwd(), 'themes', 'mine', 'theme.yaml');
    expect(formatDiagnostic({ file: inside, line: 2, severity: 'error', message: 'no' })).toBe(
      'themes/mine/theme.yaml:2: error: no',
    );
    expect(formatDiagnostic({ file: '/elsewhere/theme.yaml', severity: 'warning', message: 'hm', hint: 'fix' })).toBe(
      '/elsewhere/theme.yaml: warning: hm (fix)',
    );
    expect(formatDiagnostic({ file: 'resume.md', line: 3, column: 8, severity: 'error', message: 'x' })).toBe(
      'resume.md:3:8: error: x',
    );
  });

  it('keeps a name that only starts with two dots, and the folder itself, as what they are', () => {
    expect(shownPath(path.join(process.cwd(), '..notes.md'))).toBe('..notes.md');
    expect(shownPath(process.cwd())).toBe(process.cwd());
    expect(shownPath(path.dirname(process.cwd()))).toBe(path.dirname(process.cwd()));
  });
});
