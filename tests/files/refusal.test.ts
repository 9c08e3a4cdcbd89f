import { describe, expect, it } from 'vitest';
import { refusal, type RefusalWords } from '../../src/files/refusal.js';

describe('why a file of the person folder was not read', () => {
  const words: RefusalWords = {
    what: 'photo',
    holder: 'resume',
    shown: 'pics/me.png',
    written: '../me.png',
    limitMb: 20,
    hints: { missing: 'look here', outside: 'copy it', linked: 'cp, not ln' },
  };

  it.each([
    [{ ok: false, reason: 'missing' } as const, { message: 'photo `pics/me.png` not found', hint: 'look here' }],
    [
      { ok: false, reason: 'outside' } as const,
      { message: "photo `../me.png` is outside the resume's folder", hint: 'copy it' },
    ],
    [{ ok: false, reason: 'special' } as const, { message: 'photo `pics/me.png` is not a regular file' }],
    [{ ok: false, reason: 'too-large' } as const, { message: 'photo `pics/me.png` is over 20 MB' }],
    [
      { ok: false, reason: 'unreadable', cause: 'permission denied (EACCES)' } as const,
      { message: 'photo `pics/me.png` cannot be read: permission denied (EACCES)' },
    ],
  ])('says %o in one line, with what to do where there is something', (read, said) => {
    expect(refusal(read, words)).toEqual(said);
  });

  it('counts the names of a hard link', () => {
    expect(refusal({ ok: false, reason: 'linked', names: 3 }, words)).toEqual({
      message:
        'photo `pics/me.png` has 3 names (hard links): a hard link can lead to any file on the disk, so it is not read',
      hint: 'cp, not ln',
    });
  });
});
