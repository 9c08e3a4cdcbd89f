import { describe, expect, it } from 'vitest';
import { resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';

function exported(markdown: string) {
  const { resume, diagnostics } = parseResume(markdown, 'resume.md');
  expect(diagnostics).toEqual([]);
  return resumeToJsonResume(resume!);
}

describe('JSON Resume export of GFM and prose', () => {
  it('exports prose under an entry heading as its summary, never as its name', () => {
    const { data } = exported(
      [
        '---',
        'name: A',
        '---',
        '',
        '## Experience',
        '',
        '### Staff Engineer | 2020 - 2022',
        'Quillwork builds reporting pipelines for hospitals',
        'and clinics across the region.',
        '',
        '- Led the billing migration.',
        '',
      ].join('\n'),
    );
    expect(data.work).toEqual([
      {
        position: 'Staff Engineer',
        startDate: '2020',
        endDate: '2022',
        summary: 'Quillwork builds reporting pipelines for hospitals and clinics across the region.',
        highlights: ['Led the billing migration.'],
      },
    ]);
  });

  it('exports a table in a skills section a row at a time, and keeps a table under an entry as text', () => {
    const { data } = exported(
      [
        '---',
        'name: A',
        '---',
        '',
        '## Skills',
        '',
        '| Area | Keywords |',
        '|---|---|',
        '| Data | Spark, dbt |',
        '| Cloud | AWS |',
        '',
        '## Projects',
        '',
        '### Pipelines',
        '',
        '| Metric | Before | After |',
        '|---|--:|--:|',
        '| Runtime | 7 h | 52 min |',
        '',
      ].join('\n'),
    );
    expect(data.skills).toEqual([
      { name: 'Data', keywords: ['Spark', 'dbt'] },
      { name: 'Cloud', keywords: ['AWS'] },
    ]);
    expect(data.projects).toEqual([
      { name: 'Pipelines', description: 'Metric   Before   After\n-------  ------  ------\nRuntime     7 h  52 min' },
    ]);
  });
});
