import { describe, expect, it } from 'vitest';
import { isLetter, parseLetter } from '../../src/parse/letter.js';

describe('isLetter', () => {
  it('is true for a frontmatter with `resume:`, and only in the frontmatter', () => {
    expect(isLetter('---\nresume: resume.md\nto: [A]\n---\nDear A,\n')).toBe(true);
    expect(isLetter('\uFEFF---\r\nsubject: S\r\nresume: cv.md\r\n---\r\n')).toBe(true);
    expect(isLetter('---\nname: Ann\n---\n\nresume: not a key here\n')).toBe(false);
    expect(isLetter('resume: no frontmatter\n')).toBe(false);
    expect(isLetter('---\nresumes: x\n---\n')).toBe(false);
  });
});

describe('parseLetter', () => {
  it('reads the address a line each (list or block), the subject, date and closing as written, and every block of the body', () => {
    const source =
      '---\nresume: cv/resume.md\nto: |\n  Ms. Dana Rivera\n\n  Northwind "Cloud"\nsubject: Staff Engineer\ndate: 5 March 2026\nclosing: Best,\n---\n\nDear Ms. Rivera,\n\n## A heading\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const { letter, diagnostics } = parseLetter(source, 'letter.md');
    expect(diagnostics).toEqual([]);
    expect(letter).toMatchObject({
      resumePath: 'cv/resume.md',
      to: [
        { text: 'Ms. Dana Rivera', line: 4 },
        { text: 'Northwind \u201cCloud\u201d', line: 6 },
      ],
      subject: { text: 'Staff Engineer', line: 7 },
      date: '5 March 2026',
      closing: 'Best,',
    });
    // A heading is kept as a bold paragraph, as in a resume's summary.
    expect(letter!.body.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'list', 'table']);
    expect(letter!.body[1]).toMatchObject({ type: 'paragraph', text: { plain: 'A heading' } });
  });

  it('reads a line of the address YAML takes for a number as text', () => {
    const { letter } = parseLetter(
      '---\nresume: resume.md\nto:\n  - Rathaus\n  - 10115\nsubject: S\n---\n\nText.\n',
      'letter.md',
    );
    expect(letter!.to.map((line) => line.text)).toEqual(['Rathaus', '10115']);
  });

  it('refuses a wrong value on its line, and warns of a body with no text', () => {
    const { letter, diagnostics } = parseLetter('---\nresume: resume.md\nto: [A]\nsubject: [1, 2]\n---\n', 'letter.md');
    expect(letter).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 4, severity: 'error', message: '`subject` must be text, not a list' }),
    ]);
    const empty = parseLetter('---\nresume: resume.md\nto: [A]\nsubject: S\n---\n', 'letter.md');
    expect(empty.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: 'the letter has no text: write its paragraphs after the frontmatter',
      }),
    ]);
  });
});
