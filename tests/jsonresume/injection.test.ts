import fc from 'fast-check';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { messages } from '../../src/model/messages.js';
import type { Entry, Resume } from '../../src/model/resume.js';
import { parseResume } from '../../src/parse/index.js';
import { straightQuotes, value } from '../support/jsonresume.js';

/** The value as the format keeps it, quotes compared straight (mdcv may print them typographic). */
const oneLine = (s: string): string =>
  straightQuotes(s)
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const paragraphs = (s: string): string[] =>
  straightQuotes(s)
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean);

/**
 * Imports the JSON Resume and parses the Markdown with mdcv's parser: only frontmatter keys the import means, no error,
 * no markup warning.
 */
function imported(json: object, keys: string[]): Resume {
  const { markdown } = jsonResumeToMarkdown(json, 'x.json');
  const { resume, diagnostics } = parseResume(markdown, 'x.md');
  const noise = diagnostics.filter((d) => !d.message.startsWith(messages.rawLatex('').split('`')[0]!));
  expect(noise, markdown).toEqual([]);
  expect(Object.keys(resume!.keyLines).sort(), markdown).toEqual(keys.sort());
  return resume!;
}

function onlyEntry(resume: Resume, title: string): Entry {
  expect(resume.sections.map((s) => s.title.plain)).toEqual([title]);
  expect(resume.sections[0]!.entries).toHaveLength(1);
  expect(resume.sections[0]!.blocks).toEqual([]);
  return resume.sections[0]!.entries[0]!;
}

const RUNS = { numRuns: 150 };

describe('a JSON value lands as text wherever the import puts it', { timeout: 180_000 }, () => {
  it('a frontmatter scalar: the same value, no new key', () => {
    fc.assert(
      fc.property(value, value, value, (name, label, email) => {
        const resume = imported({ basics: { name, label, email } }, [
          'name',
          ...(oneLine(label) ? ['headline'] : []),
          ...(oneLine(email) ? ['email'] : []),
        ]);
        expect(straightQuotes(resume.person.name)).toBe(oneLine(name) || 'Your Name');
        expect(resume.person.headline && straightQuotes(resume.person.headline)).toBe(oneLine(label) || undefined);
        expect(resume.person.email && straightQuotes(resume.person.email)).toBe(oneLine(email) || undefined);
        expect(resume.sections).toEqual([]);
        expect(resume.settings.theme).toBe('classic');
        expect(resume.settings.timeout).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('a heading: one entry whose title is the value, dates beside it', () => {
    fc.assert(
      fc.property(value, (position) => {
        fc.pre(oneLine(position) !== '');
        const entry = onlyEntry(
          imported({ basics: { name: 'A' }, work: [{ position, startDate: '2020-03' }] }, ['name']),
          'Experience',
        );
        expect(straightQuotes(entry.title.plain)).toBe(oneLine(position));
        expect(entry.aside?.plain).toBe('Mar 2020 \u2013 Present');
        expect([entry.details, entry.blocks, entry.roles]).toEqual([[], [], []]);
      }),
      RUNS,
    );
  });

  it('a detail line: the subtitle (or, where it would read as a fact, the fact of its field) and a fact keep the value', () => {
    fc.assert(
      fc.property(value, value, fc.boolean(), (name, description, withPlace) => {
        fc.pre(oneLine(name) !== '' && oneLine(description) !== '');
        const work = { position: 'Engineer', name, description, ...(withPlace && { location: 'Paris' }) };
        const entry = onlyEntry(imported({ basics: { name: 'A' }, work: [work] }, ['name']), 'Experience');
        const facts = Object.fromEntries(
          entry.details.flatMap((d) => (d.type === 'fact' ? [[d.label, straightQuotes(d.value.plain)]] : [])),
        );
        const subtitle = entry.details.find((d) => d.type === 'subtitle');
        expect(subtitle ? straightQuotes(subtitle.text.plain) : facts.Name).toBe(oneLine(name));
        expect(facts.Description).toBe(oneLine(description));
        expect(subtitle?.aside?.plain ?? facts.Location).toBe(withPlace ? 'Paris' : undefined);
        expect(entry.blocks).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a bullet: one item per value, no nested list, no block opened', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), (highlights) => {
        const kept = highlights.map(oneLine).filter(Boolean);
        fc.pre(kept.length > 0);
        const entry = onlyEntry(
          imported({ basics: { name: 'A' }, work: [{ position: 'Engineer', name: 'Acme', highlights }] }, ['name']),
          'Experience',
        );
        expect(entry.blocks).toHaveLength(1);
        const list = entry.blocks[0]!;
        expect(list.type === 'list' && list.items.map((i) => [straightQuotes(i.text.plain), i.items.length])).toEqual(
          kept.map((k) => [k, 0]),
        );
      }),
      RUNS,
    );
  });

  it('a paragraph: the summary is its paragraphs, nothing more (no section, list or code)', () => {
    fc.assert(
      fc.property(value, (summary) => {
        const resume = imported({ basics: { name: 'A', summary } }, ['name']);
        expect(resume.summary.map((b) => b.type === 'paragraph' && straightQuotes(b.text.plain))).toEqual(
          paragraphs(summary),
        );
        expect(resume.sections).toEqual([]);
      }),
      // A kramdown attribute list as a value is text, not a list to drop (found by the import/export property).
      { ...RUNS, examples: [['{:\n}'], ['{: .lead}'], ['a\n\n{:#id}']] },
    );
  });

  it("a link's label and URL: the link shows the label and goes to the URL (percent-encoded as Markdown does)", () => {
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl(), value).map(([u, v]) => `${u}/${v}`),
    );
    fc.assert(
      fc.property(value, url, (name, target) => {
        fc.pre(oneLine(name) !== '');
        const resume = imported({ basics: { name: 'A' }, projects: [{ name, url: target }] }, ['name']);
        const entry = onlyEntry(resume, 'Projects');
        const link = entry.title.children[0];
        const exported = resumeToJsonResume(resume).data.projects as { name: string; url: string }[];
        if (link?.type === 'link') {
          expect(entry.title.children).toHaveLength(1);
          expect(straightQuotes(entry.title.plain)).toBe(oneLine(name));
          // A link target is no text: its quotes stay as written.
          expect(link.url).toBe(
            normalizeUri(
              target
                .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
                .replace(/\s+/g, ' ')
                .trim(),
            ),
          );
        } else expect(straightQuotes(exported[0]!.url)).toBe(oneLine(target));
        expect(straightQuotes(exported[0]!.name)).toBe(oneLine(name));
      }),
      RUNS,
    );
  });
});
