import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStates, FolderTooLarge, listFiles } from '../../src/files/walk.js';
import { tempDir } from '../support/cli.js';

describe('the files a build reads', () => {
  it('lists each file once, a folder inside a listed one not walked twice, a missing path as none', () => {
    const dir = tempDir('files');
    mkdirSync(path.join(dir, 'theme', 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'theme', 'theme.yaml'), 'a');
    writeFileSync(path.join(dir, 'theme', 'partials', 'x.hbs'), 'bb');
    writeFileSync(path.join(dir, 'photo.png'), 'ccc');
    const states = fileStates([
      path.join(dir, 'theme', 'partials'),
      path.join(dir, 'theme'),
      path.join(dir, 'photo.png'),
      path.join(dir, 'gone'),
    ]);
    expect(states.map((s) => [path.relative(dir, s.file), s.size])).toEqual([
      ['photo.png', 3],
      ['theme/partials/x.hbs', 2],
      ['theme/theme.yaml', 1],
    ]);
  });
});

describe('walking a folder', () => {
  it('lists files and links (not followed), not hidden ones, and stops past its limits', () => {
    const dir = tempDir('walk');
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'b', 'x'), '');
    symlinkSync('/', path.join(dir, 'root'));
    writeFileSync(path.join(dir, '.hidden'), '');
    expect(listFiles(dir).map((f) => path.relative(dir, f))).toEqual(['a/b/x', 'root']);
    for (let i = 0; i < 600; i++) writeFileSync(path.join(dir, `f${i}`), '');
    expect(() => listFiles(dir)).toThrow(FolderTooLarge);
  });
});
