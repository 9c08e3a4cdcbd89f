import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { mdcv, tempDir } from './support/cli.js';
import { printed } from './support/diagnostics.js';

const PHOTO = path.resolve('assets/placeholder-photo.png');

/**
 * A resume in `cv/` beside a private folder `secret/` holding a picture; the
 * photo may come only from the resume's own folder tree, as TeX's
 * `openin_any=p` reads only there.
 */
function project(photo: string, setup?: (dir: string) => void): { dir: string; file: string; out: string } {
  const dir = tempDir('photo');
  mkdirSync(path.join(dir, 'cv'));
  mkdirSync(path.join(dir, 'secret'));
  copyFileSync(PHOTO, path.join(dir, 'secret', 'private.png'));
  setup?.(dir);
  const file = path.join(dir, 'cv', 'resume.md');
  writeFileSync(
    file,
    `---\nname: Ada Lovelace\nphoto: ${photo.replace('DIR', dir)}\n---\n\n## Experience\n\n- Wrote the first program.\n`,
  );
  return { dir, file, out: path.join(dir, 'out') };
}

describe("the photo comes from the resume's folder", () => {
  it.each([
    ['a path out of the folder', '../secret/private.png', undefined],
    ['an absolute path', 'DIR/secret/private.png', undefined],
    [
      'a link out of the folder',
      'photo.png',
      (dir: string) => symlinkSync('../secret/private.png', path.join(dir, 'cv', 'photo.png')),
    ],
    [
      'a link to a folder out of it',
      'pics/private.png',
      (dir: string) => symlinkSync('../secret', path.join(dir, 'cv', 'pics')),
    ],
  ])(
    'refuses %s, on the photo line, saying to copy it beside the resume; nothing is embedded or copied',
    async (_, photo, setup) => {
      const { dir, file, out } = project(photo, setup);
      const result = await build({ file, outDir: out, formats: ['pdf', 'html', 'tex'], cache: false });
      expect(result.ok).toBe(false);
      const shown = path.relative(path.join(dir, 'cv'), path.resolve(dir, 'cv', photo.replace('DIR', dir)));
      const written = photo.replace('DIR', dir);
      expect(printed(result.diagnostics)).toBe(
        `${file}:3:8: error: photo \`${shown}\` is outside the resume's folder (copy the picture beside the resume and name it in \`photo:\`)\n` +
          `  photo: ${written}\n         ^\n`,
      );
      expect(existsSync(out)).toBe(false);
    },
  );

  it('refuses a photo that is a hard link to a picture outside the folder; nothing is embedded or copied', async () => {
    const { dir, file, out } = project('photo.png', (at) =>
      linkSync(path.join(at, 'secret', 'private.png'), path.join(at, 'cv', 'photo.png')),
    );
    const result = await build({ file, outDir: out, formats: ['pdf', 'html', 'tex'], cache: false });
    expect(result.ok).toBe(false);
    expect(printed(result.diagnostics)).toBe(
      `${file}:3:8: error: photo \`photo.png\` has 2 names (hard links): a hard link can lead to any file on the disk, so it is not read ` +
        '(copy the picture (cp, not ln) beside the resume)\n  photo: photo.png\n         ^\n',
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(dir, 'secret', 'private.png'))).toBe(true);
  });

  it('refuses a photo that is a fifo at once, without waiting on it', async () => {
    const { file, out } = project('photo.png', (dir) => execFileSync('mkfifo', [path.join(dir, 'cv', 'photo.png')]));
    const result = await build({ file, outDir: out, formats: ['html'], cache: false });
    expect(printed(result.diagnostics)).toMatch(/resume\.md:3:8: error: photo `photo\.png` is not a regular file/);
  });

  it('a photo that became a fifo since the last build is refused, not waited on by the check for changes', async () => {
    const { dir, file, out } = project('photo.png', (at) => copyFileSync(PHOTO, path.join(at, 'cv', 'photo.png')));
    const cacheDir = path.join(dir, 'cache');
    expect((await build({ file, outDir: out, formats: ['html'], cacheDir })).ok).toBe(true);
    rmSync(path.join(dir, 'cv', 'photo.png'));
    execFileSync('mkfifo', [path.join(dir, 'cv', 'photo.png')]);
    const result = await Promise.race([
      build({ file, outDir: out, formats: ['html'], cacheDir }),
      sleep(10_000).then(() => undefined),
    ]);
    expect(printed(result?.diagnostics ?? [])).toMatch(
      /resume\.md:3:8: error: photo `photo\.png` is not a regular file/,
    );
  });

  it("takes a photo from a folder inside the resume's, and a link that stays inside", async () => {
    const { file, out } = project('img/me.png', (at) => {
      mkdirSync(path.join(at, 'cv', 'img'));
      copyFileSync(PHOTO, path.join(at, 'cv', 'img', 'real.png'));
      symlinkSync('real.png', path.join(at, 'cv', 'img', 'me.png'));
    });
    const result = await build({ file, outDir: out, formats: ['html', 'tex'], cache: false });
    expect(printed(result.diagnostics)).toBe('');
    expect(readFileSync(path.join(out, 'resume.html'), 'utf8')).toContain(
      `data:image/png;base64,${readFileSync(PHOTO).toString('base64').slice(0, 40)}`,
    );
    expect(readdirSync(out).sort()).toEqual(['resume-photo.png', 'resume.html', 'resume.tex']);
  });

  it('the CLI says the same, and exits 1', async () => {
    const { dir } = project('../secret/private.png');
    const run = await mdcv(['build', 'cv/resume.md', '--format', 'html'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(
      "cv/resume.md:3:8: error: photo `../secret/private.png` is outside the resume's folder (copy the picture beside the resume and name it in `photo:`)\n" +
        '  photo: ../secret/private.png\n         ^',
    );
  });
});
