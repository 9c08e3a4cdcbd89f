import { describe, expect, it } from 'vitest';
import { parseResume } from '../../src/parse/index.js';

describe('kramdown attribute lists', () => {
  it('are left out wherever they stand, with one warning at the first', () => {
    const { resume, diagnostics } = parseResume(
      [
        '# Jane Doe',
        '',
        'Summary text.',
        '{: .lead}',
        '',
        '## Work',
        '{: .section}',
        '',
        '### Acme | 2020',
        '{: .job}',
        '',
        '- Built things.',
        '  {: .item}',
      ].join('\n'),
      'resume.md',
    );
    expect(resume?.summary.map((b) => b.type === 'paragraph' && b.text.plain)).toEqual(['Summary text.']);
    const [work] = resume!.sections;
    expect(work?.blocks).toEqual([]);
    expect(work?.entries[0]?.details).toEqual([]);
    expect(JSON.stringify(work)).not.toContain('{:');
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '4: kramdown attribute lists (`{: .class}`) style nothing here; they are left out',
    ]);
  });

  it('leave braces that are text alone', () => {
    const { resume } = parseResume('# Jane Doe\n\nUses {: in a sentence} and {.tag} here.', 'resume.md');
    expect(resume?.summary[0]).toMatchObject({ text: { plain: 'Uses {: in a sentence} and {.tag} here.' } });
  });

  it('leave an escaped one, on its own line, as text', () => {
    const { resume, diagnostics } = parseResume('# Jane Doe\n\nFirst.\n\\{: .lead}\n\n> \\{:#id}', 'resume.md');
    expect(resume?.summary.map((b) => b.type === 'paragraph' && b.text.plain)).toEqual(['First. {: .lead}', '{:#id}']);
    expect(diagnostics).toEqual([]);
  });
});
