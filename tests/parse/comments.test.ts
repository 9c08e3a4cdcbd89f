import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown } from '../../src/jsonresume/import.js';
import { parseResume } from '../../src/parse/index.js';
import { parseLetter } from '../../src/parse/letter.js';

const warnings = (diagnostics: readonly { line?: number; column?: number; message: string; hint?: string }[]) =>
  diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);

describe('HTML comments', () => {
  it('take the space before them when what follows closes up to it', () => {
    const { resume } = parseResume(
      '---\nname: Ada\n---\n\n## Notes\n\nA paper <!-- draft -->, then a note <!-- x --> and more <!-- y -->\n',
      'resume.md',
    );
    const paragraph = resume!.sections[0]!.blocks[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.text.plain).toBe('A paper, then a note and more');
  });

  it('are told in one warning per file, with their number and the first, wherever they stand', () => {
    const { resume, diagnostics } = parseResume(
      [
        '---',
        'name: Ada Lovelace',
        '---',
        '',
        '<!-- the overview',
        'is for later -->',
        '',
        '## Experience',
        '',
        '- Wrote the first program <!-- for the Engine -->.',
        '- <div>Notes<!-- on Menabrea --></div>',
        '',
        '> <!-- quoted -->',
      ].join('\n'),
      'resume.md',
    );
    expect(JSON.stringify(resume)).not.toMatch(/overview|Engine|Menabrea|quoted/);
    expect(warnings(diagnostics)).toEqual([
      '5:1: 4 HTML comments were left out (the first is here); their text is in no output ' +
        '(a comment is a note to yourself: take away `<!--` and `-->` to print its text)',
      expect.stringMatching(/^11:3: 2 HTML tags were taken out \(the first is here\); the text is kept/),
    ]);
  });

  it('are said once, in the singular, at the line and column of an inline one', () => {
    const { diagnostics } = parseResume('# Ada\n\nText <!-- a note --> here.\n', 'resume.md');
    expect(warnings(diagnostics)).toEqual([
      expect.stringMatching(/^3:6: 1 HTML comment was left out \(the first is here\); its text is in no output/),
    ]);
  });

  it('lose nothing when empty (`<!-- -->` ends a list), and text that only looks like one stays text', () => {
    const { resume, diagnostics } = parseResume(
      '# Ada\n\n- one\n\n<!-- -->\n\n- two\n\n`<!-- code -->` and \\<!-- escaped -->\n',
      'resume.md',
    );
    expect(diagnostics).toEqual([]);
    expect(JSON.stringify(resume)).toContain('<!-- code -->');
    expect(JSON.stringify(resume)).toContain('<!-- escaped -->');
  });

  it("are told in a cover letter's body too", () => {
    const { diagnostics } = parseLetter('---\nresume: resume.md\n---\n\nDear Sir,\n\n<!-- P.S. -->\n', 'letter.md');
    expect(warnings(diagnostics).filter((d) => d.includes('comment'))).toEqual([
      expect.stringMatching(/^7:1: 1 HTML comment was left out/),
    ]);
  });

  it('are never written by the JSON Resume import: a value that holds one is text, and reaches the resume', () => {
    const { markdown } = jsonResumeToMarkdown(
      { basics: { name: 'Ada', summary: 'Math <!-- and poetry --> first.' } },
      'resume.json',
    );
    const { resume, diagnostics } = parseResume(markdown, 'resume.md');
    expect(diagnostics).toEqual([]);
    expect(JSON.stringify(resume)).toContain('Math <!-- and poetry --> first.');
  });
});
