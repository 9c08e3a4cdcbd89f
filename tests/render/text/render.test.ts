import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResume } from '../../../src/parse/index.js';
import { renderText } from '../../../src/render/text/render.js';
import { firstMissingInOrder, seedLines } from '../../support/text.js';

function textOf(markdown: string): string {
  const { resume, diagnostics } = parseResume(markdown, 'resume.md');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderText(resume!);
}

describe('renderText', () => {
  it('keeps every line of the seed, in order', () => {
    // The text sets a right-hand part off with ` | `; the seed's PDF shows it as a gap.
    const text = textOf(readFileSync('resume.md', 'utf8')).replace(/ \| /g, ' ');
    expect(firstMissingInOrder(seedLines(), text)).toBeUndefined();
  });

  it('prints typographic quotes, as the PDF and the HTML do, but code and addresses as written', () => {
    const text = textOf(readFileSync('tests/fixtures/polish/resume.md', 'utf8'));
    expect(text).toContain('Sam O\u2019Neil');
    expect(text).toContain("\u201ckeeps the lights on\u201d. Led the unit\u2019s move to it's 'raw' tooling");
    expect(text).toContain("https://example.com/it's");
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

  it('writes no control character of the input: no terminal escape, C1 control or bidi override reaches the text', () => {
    const text = textOf(
      [
        '---',
        'name: "Ada\\e[2J Lovelace"',
        'headline: "Analyst\\e]8;;https://evil.example\\aclick\\e]8;;\\a"',
        '---',
        'Over\u009b31mseen \u202Eby\u2066 me\u0007.',
      ].join('\n'),
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(text).toBe('Ada[2J Lovelace\nAnalyst]8;;https://evil.exampleclick]8;;\n\nOver31mseen by me.\n');
  });

  it('keeps the address of a labelled link in the header', () => {
    const text = textOf(
      [
        '---',
        'name: Ada Lovelace',
        'links:',
        '  - label: GitHub',
        '    url: https://github.com/ada',
        '  - label: github.com/ada-notes',
        '    url: https://github.com/ada-notes/',
        '---',
      ].join('\n'),
    );
    expect(text.split('\n')[1]).toBe('GitHub (github.com/ada) | github.com/ada-notes');
  });

  it("shows the body's contacts in the order written, links and places between the others", () => {
    const text = textOf(
      [
        '# Test Person',
        '',
        '[Kafka](https://example.com/k) | Lisbon | ada@example.com | [Rust](https://example.com/r) | Remote',
        '',
        'Engineer.',
      ].join('\n'),
    );
    expect(text.split('\n')[1]).toBe(
      'Kafka (example.com/k) | Lisbon | ada@example.com | Rust (example.com/r) | Remote',
    );
  });
});
