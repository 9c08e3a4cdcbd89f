import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';
import { renderText } from '../../src/render/text/render.js';
import { content, officialExamples, officialValidator } from '../support/jsonresume.js';
import { seedLines } from '../support/text.js';

const validate = officialValidator();

function markdownToJson(markdown: string) {
  const { resume, diagnostics } = parseResume(markdown, 'resume.md');
  expect(diagnostics).toEqual([]);
  return { resume: resume!, ...resumeToJsonResume(resume!) };
}

describe('JSON Resume import and export', () => {
  it.each(officialExamples())(
    '%s comes back the same after import and export, and passes the official schema',
    ({ file }) => {
      const original = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const imported = jsonResumeToMarkdown(original, file);
      expect(imported.diagnostics).toEqual([]);
      const exported = markdownToJson(imported.markdown);
      expect(exported.diagnostics).toEqual([]);
      expect(content(exported.data)).toEqual(content(original));
      expect(validate(exported.data), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('exports the seed so that the official schema accepts it, and imports it back with every word', () => {
    const exported = markdownToJson(readFileSync('resume.md', 'utf8'));
    expect(validate(exported.data), JSON.stringify(validate.errors)).toBe(true);
    const work = exported.data.work as {
      name: string;
      position: string;
      startDate: string;
      endDate?: string;
      technologies: string;
    }[];
    expect(work[0]).toMatchObject({
      name: 'Microsoft',
      position: 'AB Test Software Engineer',
      startDate: '2025-09',
      technologies: 'C#, AB Test, Big Data, Azure',
    });
    expect(work[0]!.endDate).toBeUndefined();
    expect(
      (exported.data.projects as { name: string; entity: string; startDate: string; endDate: string }[])[0],
    ).toMatchObject({
      name: 'Batch Scheduler vNext',
      entity: 'Microsoft',
      startDate: '2022',
      endDate: '2025',
    });

    const back = parseResume(jsonResumeToMarkdown(exported.data, 'seed.json').markdown, 'seed.md');
    expect(back.diagnostics).toEqual([]);
    const words = (text: string): string[] => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’+#]*/gu) ?? [];
    const have = new Set(words(renderText(back.resume!)));
    expect(words(seedLines().join('\n')).filter((w) => !have.has(w))).toEqual([]);
  });

  it('exports the example `mdcv init` writes whole: nothing left out, and the official schema accepts it', () => {
    const exported = markdownToJson(readFileSync('assets/init/resume.md', 'utf8'));
    expect(exported.diagnostics).toEqual([]);
    expect(validate(exported.data), JSON.stringify(validate.errors)).toBe(true);
    expect(exported.data.education).toEqual([
      { institution: 'School or University Name', studyType: 'Degree or Diploma', startDate: '2015', endDate: '2019' },
    ]);
  });

  it('escapes text that Markdown would read as markup', () => {
    const tricky = 'C# & R&D, 100% *not* _bold_ snake_case [x](y) <b> &amp; a | b {.tag} \\ `code` #';
    const highlights = ['- dash', '# not a heading', '> not a quote', '2) not a list', tricky];
    const { markdown } = jsonResumeToMarkdown(
      { basics: { name: 'A' }, work: [{ name: tricky, position: '1. Lead #1', highlights }] },
      'x.json',
    );
    expect(markdown).toContain('C# & R&D');
    expect(markdown).toContain('snake_case');
    const { data } = markdownToJson(markdown);
    expect(data.work).toEqual([{ name: tricky, position: '1. Lead #1', highlights }]);
  });

  it('writes positions in a row at one organisation as roles of one entry, and exports them back', () => {
    const work = [
      {
        name: 'Microsoft',
        url: 'https://microsoft.com',
        location: 'Redmond',
        position: 'Senior Engineer',
        startDate: '2025-09',
        highlights: ['ExP'],
      },
      {
        name: 'Microsoft',
        url: 'https://microsoft.com',
        location: 'Redmond',
        position: 'Engineer',
        startDate: '2022-04',
        endDate: '2025-08',
        summary: 'Batch.',
      },
      { name: 'Huawei', position: 'Engineer', startDate: '2018' },
    ];
    const { markdown } = jsonResumeToMarkdown({ basics: { name: 'A' }, work }, 'x.json');
    expect(markdown).toContain(
      [
        '### [Microsoft](https://microsoft.com) | Redmond',
        '',
        '#### Senior Engineer | Sep 2025 \u2013 Present',
        '',
        '- ExP',
        '',
        '#### Engineer | Apr 2022 \u2013 Aug 2025',
        'Summary: Batch.',
      ].join('\n'),
    );
    expect(markdown).toContain('### Engineer | 2018 \u2013 Present\nHuawei');
    expect(markdownToJson(markdown).data.work).toEqual(work);
  });

  it('warns of fields outside the schema by their JSON path: text kept as a fact, flags never printed', () => {
    const json = {
      basics: {
        name: 'A',
        image: 'https://example.com/me.jpg',
        profiles: [{ network: 'Mastodon', username: 'a' }],
        x_pronouns: 'she/her',
      },
      work: [{ name: 'X' }, { name: 'Y' }, { name: 'Z', team: 'Infra', nested: { a: 1 }, pinned: true }],
      custom: [],
    };
    const { markdown, diagnostics } = jsonResumeToMarkdown(json, 'x.json');
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`basics.x_pronouns` is not a JSON Resume field; left out',
      'the picture is a URL: kept for the export as `jsonresume.image`, not printed (the PDF needs a local file)',
      '`work[2].team` is not a JSON Resume field; kept as the fact `Team:`',
      '`work[2].nested` is not a JSON Resume field; left out',
      '`work[2].pinned` is not a JSON Resume field; left out',
      '`custom` is not part of JSON Resume; left out',
    ]);
    expect(markdown).toContain('jsonresume:\n  image: https://example.com/me.jpg\n# jsonresume.image is not printed');
    expect(markdown).toContain('Team: Infra');
    expect(markdown).not.toMatch(/pinned|true|nested/i);
    const { data } = markdownToJson(markdown);
    expect((data.work as unknown[])[2]).toEqual({ name: 'Z', team: 'Infra' });
    expect(data.basics).toMatchObject({
      image: 'https://example.com/me.jpg',
      profiles: [{ network: 'Mastodon', username: 'a' }],
    });
  });

  it('warns of each value of the wrong type by its JSON path, and keeps numbers as text', () => {
    // As people write them by hand: a summary as a list, skills as plain words, a year among keywords.
    const json: unknown = JSON.parse(`{
      "basics": { "name": "Eve", "summary": ["Line one.", "Line two."], "label": { "x": 1 } },
      "work": [{ "name": "Acme", "position": "Eng", "highlights": ["Shipped", 42, { "x": 1 }] }, "Initech"],
      "skills": ["Go", { "name": "Rust", "keywords": ["async", 2024, null] }, { "name": 7, "level": ["a"] }],
      "__proto__": { "polluted": "yes" }, "constructor": 1
    }`);
    const { markdown, diagnostics } = jsonResumeToMarkdown(json, 'x.json');
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`basics.label` should be text; left out',
      '`basics.summary` should be text; left out',
      '`work[1]` should be an object; left out',
      '`work[0].highlights[2]` should be text; left out',
      '`skills[0]` should be an object; left out',
      '`skills[1].keywords[2]` should be text; left out',
      '`skills[2].level` should be text; left out',
      '`__proto__` is not part of JSON Resume; left out',
      '`constructor` is not part of JSON Resume; left out',
    ]);
    expect(markdown).toContain('- Shipped\n- 42\n');
    expect(markdown).toContain('- **Rust**: async, 2024\n- **7**\n');
  });

  it('reads the 0.x names as their 1.x names', () => {
    const legacy = {
      bio: {
        name: 'A',
        website: 'https://a.example',
        picture: 'https://a.example/me.png',
        location: { city: 'Perth', state: 'WA' },
      },
      work: [{ company: 'Acme', website: 'https://acme.example', position: 'Dev' }],
      volunteer: [{ organization: 'Club', website: 'https://club.example' }],
      education: [{ institution: 'Uni', gpa: '3.9' }],
      awards: [{ title: 'Prize', awardDate: '2014-07' }],
      publications: [{ name: 'Paper', website: 'https://paper.example' }],
      hobbies: [{ name: 'Chess' }],
    };
    const { markdown, diagnostics } = jsonResumeToMarkdown(legacy, 'x.json');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'the picture is a URL: kept for the export as `jsonresume.image`, not printed (the PDF needs a local file)',
    ]);
    expect(content(markdownToJson(markdown).data)).toEqual({
      basics: {
        name: 'A',
        url: 'https://a.example',
        image: 'https://a.example/me.png',
        location: { city: 'Perth', region: 'WA' },
      },
      work: [{ name: 'Acme', url: 'https://acme.example', position: 'Dev' }],
      volunteer: [{ organization: 'Club', url: 'https://club.example' }],
      education: [{ institution: 'Uni', score: '3.9' }],
      awards: [{ title: 'Prize', date: '2014-07' }],
      publications: [{ name: 'Paper', url: 'https://paper.example' }],
      interests: [{ name: 'Chess' }],
    });
  });
});
