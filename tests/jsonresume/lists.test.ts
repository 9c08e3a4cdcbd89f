import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeName, decodeRest, encodeListLine, joinList, splitList } from '../../src/jsonresume/lists.js';

/** One-line values: any text, and text of the characters that delimit (quotes, commas, brackets, colons). */
const oneLine = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: fc.constantFrom('"', ',', '(', ')', ':', ' ', 'a') }),
  )
  .map((s) => s.replace(/\s+/g, ' ').trim());

describe('comma lists', () => {
  it('keep a comma inside brackets in its value, as people write it', () => {
    expect(splitList('Node.js, PHP MVC (Custom, Cake, CodeIgniter, etc), Ruby on Rails')).toEqual([
      'Node.js',
      'PHP MVC (Custom, Cake, CodeIgniter, etc)',
      'Ruby on Rails',
    ]);
    expect(joinList(['Node.js', 'PHP MVC (Custom, Cake, CodeIgniter, etc)'])).toBe(
      'Node.js, PHP MVC (Custom, Cake, CodeIgniter, etc)',
    );
  });

  it('quote a value that would split (a bare comma, an open bracket, a leading quote), doubling its quotes', () => {
    expect(joinList(['Bash, zsh', '(beta', '"fish" (sometimes)', '"fish"', 'Go'])).toBe(
      '"Bash, zsh", "(beta", """fish"" (sometimes)", """fish""", Go',
    );
    expect(splitList('"Bash, zsh", "(beta", """fish"" (sometimes)", """fish""", Go')).toEqual([
      'Bash, zsh',
      '(beta',
      '"fish" (sometimes)',
      '"fish"',
      'Go',
    ]);
  });

  it('give back any list of one-line values', () => {
    fc.assert(
      fc.property(fc.array(oneLine.filter(Boolean)), (values) => {
        expect(splitList(joinList(values))).toEqual(values);
      }),
    );
  });
});

describe('list lines', () => {
  it('read `**name** (level): values`, and the hand-written `**Name:** values`', () => {
    expect(decodeName('Languages:')).toBe('Languages');
    expect(decodeRest(' (Master): HTML, CSS', true)).toEqual({ level: 'Master', values: 'HTML, CSS' });
    expect(decodeRest(' C++, C#', true)).toEqual({ level: undefined, values: 'C++, C#' });
  });

  it('quote a name or level that would not read back', () => {
    expect(encodeListLine({ name: 'C++:', level: 'Advanced (10+ years)', values: 'x' })).toEqual({
      name: '"C++:"',
      level: '"Advanced (10+ years)"',
      values: 'x',
    });
    expect(encodeListLine({ name: '', level: 'Master' })).toEqual({ name: '""', level: 'Master', values: undefined });
    // Unquoted, this level's quote would pair with the one that opens the values.
    const line = encodeListLine({ name: 'x', level: '"', values: joinList([') (']) });
    expect(decodeRest(` (${line.level}): ${line.values}`, true)).toEqual({ level: '"', values: '") ("' });
  });

  it('give back any name, level and values', () => {
    fc.assert(
      fc.property(oneLine, oneLine, fc.array(oneLine.filter(Boolean), { maxLength: 3 }), (name, level, keywords) => {
        const values = joinList(keywords);
        const line = encodeListLine({ name, level, values });
        expect(decodeName(line.name)).toBe(name);
        const rest = decodeRest(
          `${line.level ? ` (${line.level})` : ''}${line.values ? `: ${line.values}` : ''}`,
          true,
        );
        expect([rest.level ?? '', splitList(rest.values)]).toEqual([level, keywords]);
      }),
      { numRuns: 1000 },
    );
  });
});
