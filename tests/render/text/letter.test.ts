import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../src/model/letter.js';
import { parseResume } from '../../../src/parse/index.js';
import { letterText } from '../../../src/render/text/letter.js';

describe('letterText', () => {
  it("is the resume's header, then the letter's parts in order, a blank line between them", () => {
    const resume = parseResume('---\nname: Ada Lovelace\nemail: ada@example.org\n---\n', 'resume.md').resume!;
    const paragraph = (plain: string, line: number) => ({
      type: 'paragraph' as const,
      text: { type: 'rich' as const, children: [{ type: 'text' as const, value: plain }], plain },
      line,
    });
    const letter: Letter = {
      file: 'letter.md',
      resumePath: 'resume.md',
      resume,
      to: [
        { text: 'Charles Babbage', line: 3 },
        { text: 'London', line: 4 },
      ],
      subject: { text: 'Notes', line: 5 },
      date: { text: 'July 10, 1843', iso: '1843-07-10' },
      closing: 'Sincerely,',
      body: [paragraph('Dear Mr. Babbage,', 8), paragraph('I write\u0007 to you.', 10)],
      keyLines: {},
    };
    expect(letterText(letter, resume)).toBe(
      'Ada Lovelace\nada@example.org\n\nCharles Babbage\nLondon\n\nJuly 10, 1843\n\nNotes\n\nDear Mr. Babbage,\n\nI write to you.\n\nSincerely,\n\nAda Lovelace\n',
    );
  });
});
