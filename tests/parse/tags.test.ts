import { describe, expect, it } from 'vitest';
import type { Resume } from '../../src/model/resume.js';
import { parseResume } from '../../src/parse/index.js';

function parse(body: string): Resume {
  const { resume, diagnostics } = parseResume(`---\nname: A\n---\n${body}`, 'cv.md');
  expect(diagnostics).toEqual([]);
  return resume!;
}

describe('variant tags', () => {
  it('are read off entries, roles, bullets and list items, and kept out of their text', () => {
    const resume = parse(
      [
        '## Work',
        '### Scheduler | 2022 - 2025 {.backend .distributed}',
        '#### Lead | 2024 {.lead}',
        '- Wrote it. {.backend}',
        '  - nested {.deep}',
        '## Skills',
        '- **Go** {.backend}',
      ].join('\n'),
    );
    const entry = resume.sections[0]!.entries[0]!;
    expect(entry.title.plain).toBe('Scheduler');
    expect(entry.aside?.plain).toBe('2022 – 2025');
    expect(entry.tags).toEqual(['backend', 'distributed']);
    expect(entry.roles[0]!.tags).toEqual(['lead']);
    expect(entry.roles[0]!.aside?.plain).toBe('2024');
    const list = entry.roles[0]!.blocks[0]!;
    expect(
      list.type === 'list' && [list.items[0]!.text.plain, list.items[0]!.tags, list.items[0]!.items[0]!.tags],
    ).toEqual(['Wrote it.', ['backend'], ['deep']]);
    const skills = resume.sections[1]!.blocks[0]!;
    expect(skills.type === 'list' && [skills.items[0]!.text.plain, skills.items[0]!.tags]).toEqual(['Go', ['backend']]);
  });

  it('leave braces that are not a closing tag as text', () => {
    const resume = parse(
      ['## Notes', '- uses {braces}', '- `{.code}`', '- escaped \\{.tag}', '- {.tag} in front', '### Title {.a}.'].join(
        '\n',
      ),
    );
    const list = resume.sections[0]!.blocks[0]!;
    expect(list.type === 'list' && list.items.map((i) => [i.text.plain, i.tags])).toEqual([
      ['uses {braces}', undefined],
      ['{.code}', undefined],
      ['escaped {.tag}', undefined],
      ['{.tag} in front', undefined],
    ]);
    expect(resume.sections[0]!.entries[0]!.title.plain).toBe('Title {.a}.');
  });

  it('are read after a bare URL, which keeps its dates in a heading', () => {
    const resume = parse(
      ['## Projects', '### https://x.example | 2020 - 2022 {.web}', '- Built https://x.example/a {.web}'].join('\n'),
    );
    const entry = resume.sections[0]!.entries[0]!;
    expect([entry.title.plain, entry.aside?.plain, entry.tags]).toEqual(['https://x.example', '2020 – 2022', ['web']]);
    const list = entry.blocks[0]!;
    expect(list.type === 'list' && [list.items[0]!.text.plain, list.items[0]!.tags]).toEqual([
      'Built https://x.example/a',
      ['web'],
    ]);
  });
});
