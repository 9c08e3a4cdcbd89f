import { describe, expect, it } from 'vitest';
import { wordText } from '../../../src/render/docx/inline.js';

describe('text as a Word run holds it', () => {
  it('drops what XML 1.0 cannot carry and the bidi controls; a tab or line end is a space', () => {
    expect(wordText('a\u0000b\u0001c\u000B\u000C\u001F\u007F\u0085d')).toBe('abcd');
    expect(wordText('\u202Eevil\u202C \u2066iso\u2069')).toBe('evil iso');
    expect(wordText('one\ttwo\r\nthree')).toBe('one two  three');
    expect(wordText('\uFFFE\uFFFF')).toBe('');
  });

  it('keeps a whole surrogate pair and drops a half alone', () => {
    expect(wordText('\u{1F600} ok')).toBe('\u{1F600} ok');
    expect(wordText('a\uD800b\uDC00c')).toBe('abc');
  });

  it('leaves XML markup as text (the library escapes it as it writes)', () => {
    expect(wordText('<w:p>]]>&amp;')).toBe('<w:p>]]>&amp;');
  });
});
