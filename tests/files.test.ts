import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashes, fileStates, sha256Of } from '../src/files.js';
import { tempDir } from './support/cli.js';

describe('the files a build reads', () => {
  const dir = tempDir('files');
  mkdirSync(path.join(dir, 'theme', 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'theme', 'theme.yaml'), 'a');
  writeFileSync(path.join(dir, 'theme', 'partials', 'x.hbs'), 'bb');
  writeFileSync(path.join(dir, 'photo.png'), 'ccc');

  it('lists each file once, a folder inside a listed one not walked twice, a missing path as none', () => {
    const states = fileStates([path.join(dir, 'theme', 'partials'), path.join(dir, 'theme'), path.join(dir, 'photo.png'), path.join(dir, 'gone')]);
    expect(states.map((s) => [path.relative(dir, s.file), s.size])).toEqual([
      ['photo.png', 3],
      ['theme/partials/x.hbs', 2],
      ['theme/theme.yaml', 1],
    ]);
  });

  it('hashes each file by its content, and again once it changes', async () => {
    const file = path.join(dir, 'photo.png');
    const first = await contentHashes(fileStates([file]));
    expect(first[file]).toBe(sha256Of('ccc'));
    writeFileSync(file, 'ddd');
    // Same size; a time that moved on is what tells it changed.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await contentHashes(fileStates([file])))[file]).toBe(sha256Of('ddd'));
  });
});
