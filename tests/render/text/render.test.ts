import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResume } from '../../../src/parse/index.js';
import { renderText } from '../../../src/render/text/render.js';

/** The text of the person's current PDF (tests/fixtures/README.md says more). */
const SEED_TEXT = 'tests/fixtures/seed.txt';
const words = (text: string): string[] => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’+#]*/gu) ?? [];

function textOf(markdown: string): string {
  const { resume, diagnostics } = parseResume(markdown, 'resume.md');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderText(resume!);
}

describe('renderText', () => {
  it('keeps every word of the seed', () => {
    const text = textOf(readFileSync('resume.md', 'utf8'));
    const have = new Set(words(text));
    // "Profile picture" marks the photo and "Cont." is page 2's running header: neither is resume text.
    const missing = words(readFileSync(SEED_TEXT, 'utf8')).filter((w) => !have.has(w) && !['Profile', 'picture', 'Cont'].includes(w));
    expect(missing).toEqual([]);
  });

  it('writes no markup, and keeps link targets', () => {
    const text = textOf(
      [
        '---',
        'name: Ada Lovelace',
        'headline: Analyst',
        'email: ada@example.com',
        'links: [https://github.com/ada]',
        '---',
        'I **like** *engines* and `code`; see [my notes](https://example.com/notes) or <https://example.org>.',
        '',
        '## Work',
        '',
        '### Engine | 1842 - 1843',
        'Babbage & Co | London',
        'Tools: pen, paper',
        '',
        '1. First',
        '   - nested',
      ].join('\n'),
    );
    expect(text).toBe(
      [
        'Ada Lovelace',
        'Analyst',
        'ada@example.com | github.com/ada',
        '',
        'I like engines and code; see my notes (example.com/notes) or https://example.org.',
        '',
        'Work',
        '====',
        '',
        'Engine | 1842 – 1843',
        'Babbage & Co | London',
        'Tools: pen, paper',
        '1. First',
        '    - nested',
        '',
      ].join('\n'),
    );
  });
});
