import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { oldestBeyond } from '../../src/files/prune.js';
import { tempDir } from '../support/cli.js';

it('keeps the most recently written, the oldest and the gone first to go', () => {
  const dir = tempDir('prune');
  const files = ['a', 'b', 'c'].map((name, i) => {
    const file = path.join(dir, name);
    writeFileSync(file, name);
    utimesSync(file, new Date(), new Date(Date.UTC(2026, 0, 1 + i)));
    return file;
  });
  const gone = path.join(dir, 'gone');
  expect(oldestBeyond([gone, ...files], 2)).toEqual([files[0], gone]);
  expect(oldestBeyond(files, 3)).toEqual([]);
});
