import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfined, readIfThere } from '../../src/files/read.js';
import { tempDir } from '../support/cli.js';

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
    expect(readConfined(path.join(dir, 'in', 'link-in'), root, 100)).toEqual({
      ok: true,
      bytes: Buffer.from('inside'),
    });
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

  it("reads a file of several names inside a folder trusted as it is (a package store's links)", () => {
    expect(readConfined(path.join(dir, 'in', 'hard-link'), root, 100)).toEqual({
      ok: false,
      reason: 'linked',
      names: 2,
    });
    expect(readConfined(path.join(dir, 'in', 'hard-link'), root, 100, root)).toEqual({
      ok: true,
      bytes: Buffer.from('outside'),
    });
  });

  it('reads no more than the limit of a file whose size it cannot know', () => {
    expect(readConfined('/proc/self/status', ['/proc'], 10)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('holds memory for what it read, not for its limit (a photo limit is 20 MB)', () => {
    const read = readConfined(path.join(dir, 'in', 'a.txt'), root, 20 * 1024 * 1024);
    expect(read.ok && read.bytes.buffer.byteLength).toBeLessThan(1024);
    const status = readConfined('/proc/self/status', ['/proc'], 20 * 1024 * 1024);
    expect(status.ok && status.bytes.toString()).toMatch(/^Name:/);
    // Grown as read, in small steps: a slice of Node's shared buffer pool at most (8 KB under Node 20, 64 KB under 24).
    expect(status.ok && status.bytes.buffer.byteLength).toBeLessThanOrEqual(64 * 1024);
  });
});

it('reads a small file, or says it is not there', () => {
  const file = path.join(tempDir('if-there'), 'stamp.json');
  expect(readIfThere(file)).toBeUndefined();
  writeFileSync(file, '{}');
  expect(readIfThere(file)?.toString()).toBe('{}');
});
