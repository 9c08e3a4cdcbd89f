import { describe, expect, it } from 'vitest';
import { selectTags, tagsIn } from '../../src/model/select.js';
import { parseResume } from '../../src/parse/index.js';

const { resume } = parseResume(
  [
    '---',
    'name: A',
    '---',
    '- summary point {.web}',
    '## Experience',
    '### Scheduler {.backend}',
    '- Wrote it.',
    '### Shop',
    '#### Frontend dev {.web}',
    '#### Platform dev',
    '- APIs {.backend}',
    '- Everything',
    '## Talks {.web}',
    '- Only web {.web}',
  ].join('\n'),
  'cv.md',
);

const shape = (r: NonNullable<typeof resume>) =>
  r.sections.map((s) => [
    s.title.plain,
    s.entries.map((e) => [
      e.title.plain,
      e.roles.map((role) => role.title.plain),
      JSON.stringify(e.roles.map((role) => role.blocks)),
    ]),
  ]);

describe('selectTags', () => {
  it('keeps what is untagged or carries a chosen tag', () => {
    const backend = selectTags(resume!, ['backend']);
    expect(backend.summary).toEqual([]);
    expect(backend.sections.map((s) => s.title.plain)).toEqual(['Experience']);
    expect(backend.sections[0]!.entries.map((e) => e.title.plain)).toEqual(['Scheduler', 'Shop']);
    expect(backend.sections[0]!.entries[1]!.roles.map((r) => r.title.plain)).toEqual(['Platform dev']);
    const items = backend.sections[0]!.entries[1]!.roles[0]!.blocks[0]!;
    expect(items.type === 'list' && items.items.map((i) => i.text.plain)).toEqual(['APIs', 'Everything']);
  });

  it('drops a section or list left empty, and keeps everything for all tags', () => {
    const web = selectTags(resume!, ['web']);
    expect(web.sections.map((s) => s.title.plain)).toEqual(['Experience', 'Talks {.web}']);
    expect(web.summary).toHaveLength(1);
    const items = web.sections[0]!.entries[0]!.roles[1]!.blocks[0]!;
    expect(items.type === 'list' && items.items.map((i) => i.text.plain)).toEqual(['Everything']);
    expect(shape(selectTags(resume!, ['web', 'backend']))).toEqual(shape(resume!));
  });

  it('lists the tags in use', () => {
    expect([...tagsIn(resume!)].sort()).toEqual(['backend', 'web']);
  });
});
