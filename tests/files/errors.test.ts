import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { causeOf, WriteError, writing } from '../../src/files/errors.js';
import { tempDir } from '../support/cli.js';

it('names the file that stands where a folder should be, and the system error as a person reads it', () => {
  // Outside the working folder, by its whole path (as diagnostics name files), not as `../../tmp/…`.
  const dir = tempDir('errors');
  expect(path.relative(process.cwd(), dir)).toMatch(/^\.\./);
  writeFileSync(path.join(dir, 'out'), '');
  const target = path.join(dir, 'out', 'resume.pdf');
  let caught: unknown;
  try {
    writing(target, () => writeFileSync(target, 'x'));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WriteError);
  expect((caught as WriteError).message).toBe(
    `cannot write ${target}: \`${path.join(dir, 'out')}\` is a file, not a folder (ENOTDIR)`,
  );
  expect((caught as WriteError).exitCode).toBe(73);
  expect(causeOf(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe(
    'no space left on the device (ENOSPC)',
  );
});

it('leaves a bug a bug', () => {
  expect(() =>
    writing('x', () => {
      throw new TypeError('not a system error');
    }),
  ).toThrow(TypeError);
});
