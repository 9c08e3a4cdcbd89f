import { describe, expect, it } from 'vitest';
import { parseResume } from '../../src/parse/index.js';

function parsed(source: string) {
  const { resume, diagnostics } = parseResume(source, 'resume.md');
  return {
    name: resume?.person.name,
    sections: resume?.sections.map((s) => [s.title.plain, ...s.entries.map((e) => e.title.plain)]),
    messages: diagnostics.map((d) => d.message),
  };
}

const PANDOC = '# Summary\n\nRear admiral.\n\n# Experience\n\n## Harvard\n\nProgrammer.\n\n# Education\n\nYale.\n';

describe('`#` sections, pandoc’s way', () => {
  it('reads `#` headings as sections and `##` as entries when `author:` names the person', () => {
    const { name, sections, messages } = parsed(`---\ntitle: CV\nauthor: Grace Hopper\n---\n\n${PANDOC}`);
    expect(name).toBe('Grace Hopper');
    expect(sections).toEqual([['Summary'], ['Experience', 'Harvard'], ['Education']]);
    expect(messages.join('\n')).not.toMatch(/belongs at the top/);
  });

  it('does so under `name:` too', () => {
    expect(parsed(`---\nname: Grace Hopper\n---\n\n${PANDOC}`).sections).toEqual([
      ['Summary'],
      ['Experience', 'Harvard'],
      ['Education'],
    ]);
  });

  it('keeps a `#` heading that is the name as the name', () => {
    const { name, sections } = parsed(
      '---\nauthor: Grace Hopper\n---\n\n# Grace Hopper\n\n## Experience\n\n### Harvard\n\n# Late\n',
    );
    expect(name).toBe('Grace Hopper');
    expect(sections).toEqual([['Experience', 'Harvard']]);
  });

  it("reads one `#` heading with a section's usual title as a section when `author:` names the person", () => {
    const { name, sections, messages } = parsed(
      '---\nauthor: Grace Hopper\n---\n\n# Summary\n\nRear admiral.\n\n## Experience\n\n### Harvard\n',
    );
    expect(name).toBe('Grace Hopper');
    expect(sections).toEqual([['Summary'], ['Experience', 'Harvard']]);
    expect(messages.join('\n')).not.toMatch(/left out/);
    // Under mdcv's own `name:`, a `# Name` heading must agree with it, whatever it says.
    expect(parsed('---\nname: Grace Hopper\n---\n\n# Summary\n\n## Experience\n').messages.join('\n')).toMatch(
      /disagree/,
    );
  });

  it('leaves one `#` heading, or a file whose frontmatter names no one, as before', () => {
    expect(parsed('---\nauthor: Grace Hopper\n---\n\n# G. Hopper\n\n## Experience\n').name).toBe('G. Hopper');
    expect(parsed('# Grace Hopper\n\n## Experience\n\n# Late\n').sections).toEqual([['Experience']]);
  });
});
