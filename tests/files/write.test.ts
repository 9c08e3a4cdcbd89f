import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError } from '../../src/files/errors.js';
import { publishSet } from '../../src/files/write.js';
import { tempDir } from '../support/cli.js';

describe('publishing a set of files', () => {
  it('puts all in place, or, when one cannot be written, none, and leaves no staging file', () => {
    const dir = tempDir('publish');
    writeFileSync(path.join(dir, 'a'), 'old a');
    writeFileSync(path.join(dir, 'b'), 'old b');
    const failed = (() => {
      try {
        publishSet([
          { to: path.join(dir, 'a'), content: 'new a' },
          { to: path.join(dir, 'b'), from: path.join(dir, 'gone') },
        ]);
      } catch (error) {
        return error;
      }
    })();
    expect(failed).toBeInstanceOf(WriteError);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
    expect(readFileSync(path.join(dir, 'a'), 'utf8')).toBe('old a');
    publishSet([
      { to: path.join(dir, 'a'), content: 'new a' },
      { to: path.join(dir, 'b'), content: 'new b' },
    ]);
    expect([readFileSync(path.join(dir, 'a'), 'utf8'), readFileSync(path.join(dir, 'b'), 'utf8')]).toEqual([
      'new a',
      'new b',
    ]);
  });
});
