import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashes, fileStates, FolderTooLarge, listFiles, publishSet, readConfined, sha256Of, WriteError } from '../src/files.js';
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

describe('reading only inside a folder', () => {
  const dir = tempDir('confined');
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in', 'a.txt'), 'inside');
  writeFileSync(path.join(dir, 'out.txt'), 'outside');
  symlinkSync('a.txt', path.join(dir, 'in', 'link-in'));
  symlinkSync('../out.txt', path.join(dir, 'in', 'link-out'));
  execFileSync('mkfifo', [path.join(dir, 'in', 'fifo')]);
  // A hard link is a file inside the folder that is a file outside it too.
  linkSync(path.join(dir, 'out.txt'), path.join(dir, 'in', 'hard-link'));
  const root = [path.join(dir, 'in')];

  it('reads a file, or a link, that stays inside', () => {
    expect(readConfined(path.join(dir, 'in', 'link-in'), root, 100)).toEqual({ ok: true, bytes: Buffer.from('inside') });
  });

  it.each([
    ['a link out', 'in/link-out', 100, 'outside'],
    ['a path out', 'in/../out.txt', 100, 'outside'],
    ['a fifo, without waiting on it', 'in/fifo', 100, 'special'],
    ['a hard link (a file of two names)', 'in/hard-link', 100, 'linked'],
    ['a file over the limit', 'in/a.txt', 3, 'too-large'],
    ['a file that is not there', 'in/gone', 100, 'missing'],
  ])('refuses %s', (_, file, limit, reason) => {
    expect(readConfined(path.join(dir, file), root, limit)).toMatchObject({ ok: false, reason });
  });

  it('reads a file of several names inside a folder trusted as it is (a package store\'s links)', () => {
    expect(readConfined(path.join(dir, 'in', 'hard-link'), root, 100)).toEqual({ ok: false, reason: 'linked', names: 2 });
    expect(readConfined(path.join(dir, 'in', 'hard-link'), root, 100, root)).toEqual({ ok: true, bytes: Buffer.from('outside') });
  });

  it('reads no more than the limit of a file whose size it cannot know', () => {
    expect(readConfined('/proc/self/status', ['/proc'], 10)).toMatchObject({ ok: false, reason: 'too-large' });
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

describe('publishing a set of files', () => {
  it('puts all in place, or, when one cannot be written, none, and leaves no staging file', () => {
    const dir = tempDir('publish');
    writeFileSync(path.join(dir, 'a'), 'old a');
    writeFileSync(path.join(dir, 'b'), 'old b');
    const failed = (() => {
      try {
        publishSet([{ to: path.join(dir, 'a'), content: 'new a' }, { to: path.join(dir, 'b'), from: path.join(dir, 'gone') }]);
      } catch (error) {
        return error;
      }
    })();
    expect(failed).toBeInstanceOf(WriteError);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
    expect(readFileSync(path.join(dir, 'a'), 'utf8')).toBe('old a');
    publishSet([{ to: path.join(dir, 'a'), content: 'new a' }, { to: path.join(dir, 'b'), content: 'new b' }]);
    expect([readFileSync(path.join(dir, 'a'), 'utf8'), readFileSync(path.join(dir, 'b'), 'utf8')]).toEqual(['new a', 'new b']);
  });
});
