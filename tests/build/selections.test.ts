import { describe, expect, it } from 'vitest';
import { engineJobname, selectionsOf } from '../../src/build/selections.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseResume } from '../../src/parse/index.js';

const { resume } = parseResume(
  [
    '---',
    'name: A',
    'variants:',
    '  web: [web]',
    '  ops: [ops]',
    '---',
    '## Experience',
    '### Scheduler {.web}',
    '- Wrote it.',
  ].join('\n'),
  'cv.md',
);

describe('the selections a build makes', () => {
  it('is the whole resume and each variant, a tag that selects nothing told on the variants line', () => {
    const diagnostics: Diagnostic[] = [];
    expect(selectionsOf({ file: 'cv.md' }, resume!, 'cv', diagnostics)).toEqual([
      { name: 'cv' },
      { name: 'cv-web', variant: 'web', tags: ['web'] },
      { name: 'cv-ops', variant: 'ops', tags: ['ops'] },
    ]);
    expect(diagnostics).toMatchObject([
      { file: 'cv.md', line: 3, severity: 'warning', message: expect.stringContaining('ops') },
    ]);
  });

  it('is only the --tag selection, with its own name, when tags are given', () => {
    const diagnostics: Diagnostic[] = [];
    expect(selectionsOf({ file: 'cv.md', tags: ['web'] }, resume!, 'cv', diagnostics)).toEqual([
      { name: 'cv-web', tags: ['web'] },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('gives the engine names mdcv chose, never the resume file name', () => {
    expect([0, 1, 2].map(engineJobname)).toEqual(['resume', 'resume-2', 'resume-3']);
  });
});
