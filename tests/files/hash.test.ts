import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { contentHashes, sha256Of } from '../../src/files/hash.js';
import { fileStates } from '../../src/files/walk.js';
import { tempDir } from '../support/cli.js';

it('hashes each file by its content, and again once it changes', async () => {
  const file = path.join(tempDir('hash'), 'photo.png');
  writeFileSync(file, 'ccc');
  const first = await contentHashes(fileStates([file]));
  expect(first[file]).toBe(sha256Of('ccc'));
  writeFileSync(file, 'ddd');
  // Same size; a time that moved on is what tells it changed.
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  expect((await contentHashes(fileStates([file])))[file]).toBe(sha256Of('ddd'));
});
