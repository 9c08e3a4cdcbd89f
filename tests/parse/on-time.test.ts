import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../src/parse/context.js';
import { parseLetter } from '../../src/parse/letter.js';
import { parseOnTime } from '../../src/parse/on-time.js';

describe('parseOnTime', () => {
  const source = '## Work\n\nDid things.\n';

  it('parses without a budget, or within one', () => {
    expect(parseOnTime(new ParseContext('cv.md', source))?.children.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
    ]);
    expect(parseOnTime(new ParseContext('cv.md', source), { since: performance.now() })).toBeDefined();
  });

  it("stops once the build's timeout is up: the command line's, else the frontmatter's, else 60 s", () => {
    const cases = [
      [{ since: performance.now() - 61_000 }, undefined, '(60 s)'],
      [{ since: performance.now() - 3000 }, 2, '(2 s)'],
      [{ since: performance.now() - 3000, timeout: 1500 }, 10, '(1.5 s)'],
    ] as const;
    for (const [budget, frontmatterSeconds, shown] of cases) {
      const ctx = new ParseContext('cv.md', source);
      expect(parseOnTime(ctx, budget, frontmatterSeconds)).toBeUndefined();
      expect(ctx.diagnostics).toMatchObject([{ file: 'cv.md', line: 1, column: 1, severity: 'error' }]);
      expect(ctx.diagnostics[0]!.message).toContain(shown);
    }
  });

  it('bounds a cover letter too', () => {
    const letter = parseLetter('---\nresume: cv.md\n---\n\nDear Ada,\n', 'letter.md', {
      since: performance.now() - 61_000,
    });
    expect(letter.letter).toBeUndefined();
    expect(letter.diagnostics[0]!.message).toMatch(/^reading the Markdown took longer than the build's timeout/);
  });
});
