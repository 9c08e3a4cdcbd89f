import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { insideOf, onTime, ParseOverdue, type Reading } from '../../src/parse/reading.js';

const reading: Reading = { partChars: 0, frontmatter: true, outside: [] };

describe('reading in parts', () => {
  it('tells each part’s line in the file, inside a quote too', () => {
    const lines: number[] = [];
    parseMarkdown('Intro.\n\n> First.\n>\n> Second.\n\nAfter.\n', 0, undefined, (line) => lines.push(line));
    // The quote's inside is read in parts of its own: its second paragraph is the file's line 5, not the inside's 3.
    expect(lines).toContain(5);
    expect(lines).toContain(7);
    expect(Math.max(...lines)).toBe(7);
  });

  it('stops past the deadline, naming the line in the file', () => {
    const inside = insideOf({ from: 9, to: 12, inside: '', taken: [], prefix: '> ' }, { ...reading, deadline: 0 });
    expect(inside.frontmatter).toBe(false);
    expect(() => onTime(inside, 2)).toThrow(new ParseOverdue(12));
    expect(() => onTime({ ...reading, deadline: performance.now() + 60_000 }, 2)).not.toThrow();
  });
});
