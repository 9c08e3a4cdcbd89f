import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdcv, tempDir } from './support/cli.js';

const resume = (photo: string) =>
  `---\nname: Ada Lovelace\nphoto: ${photo}\n---\n\n## Experience\n\n- Wrote the first program.\n`;

describe('a photo that is not there', () => {
  it('is an error under the `photo:` value, suggesting the image nearest in name', async () => {
    const dir = tempDir('photo-typo');
    copyFileSync('photo.png', path.join(dir, 'ada.png'));
    writeFileSync(path.join(dir, 'cv.md'), resume('ada.jpg'));
    const run = await mdcv(['validate', 'cv.md'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'cv.md:3:8: error: photo `ada.jpg` not found (did you mean `ada.png`?)\n  photo: ada.jpg\n         ^',
    );
  });

  it('in a folder of its own, is looked for there', async () => {
    const dir = tempDir('photo-folder');
    mkdirSync(path.join(dir, 'pics'));
    copyFileSync('photo.png', path.join(dir, 'pics/me.png'));
    writeFileSync(path.join(dir, 'cv.md'), resume('pics/me.jpeg'));
    const run = await mdcv(['validate', 'cv.md'], { cwd: dir });
    expect(run.stderr).toContain('error: photo `pics/me.jpeg` not found (did you mean `pics/me.png`?)');
  });

  it('with nothing near, says where the path starts from and how to go without', async () => {
    const dir = tempDir('photo-none');
    writeFileSync(path.join(dir, 'cv.md'), resume('headshot.png'));
    const run = await mdcv(['validate', 'cv.md'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `cv.md:3:8: error: photo \`headshot.png\` not found (the path starts from the Markdown file's folder, ${path.basename(dir)}/; or remove \`photo:\` to go without)`,
    );
  });
});
