import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedResume, prepareBuild } from '../../src/build/prepare.js';
import { tempDir } from '../support/cli.js';

describe('what a build reads before it renders', () => {
  it('gives the resume, theme, engine and photo when all is well', async () => {
    const { prepared, diagnostics } = await prepareBuild({ file: 'resume.md', cache: false });
    expect(diagnostics).toEqual([]);
    expect(prepared).toMatchObject({
      name: 'resume',
      theme: { name: 'classic' },
      engine: { engine: 'pdflatex' },
      photo: { asset: { fileName: 'resume-photo.png' } },
    });
  });

  it('points at the frontmatter value of a theme that is none, with a hint', async () => {
    const file = path.join(tempDir('prepare'), 'cv.md');
    writeFileSync(file, '---\nname: A\ntheme: clasic\n---\n');
    const { prepared, diagnostics } = await prepareBuild({ file, cache: false });
    expect(prepared).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { file, line: 3, column: 8, severity: 'error', hint: expect.stringContaining('classic') },
    ]);
  });

  it('reads and parses, or says why it cannot', async () => {
    const missing = await prepareBuild({ file: 'no/such.md', cache: false });
    expect(missing.prepared).toBeUndefined();
    expect(missing.diagnostics).toMatchObject([{ file: 'no/such.md', message: 'cannot read the file: no such file' }]);
    expect(await parsedResume('# Your Name\n\nText.\n', 'resume.md')).toMatchObject({
      resume: { person: { name: 'Your Name' } },
      sourceLines: ['# Your Name', '', 'Text.', ''],
      diagnostics: [],
    });
  });
});
