import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { ParseContext } from '../../src/parse/context.js';
import { detailLines } from '../../src/parse/details.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

/** The detail lines of a paragraph written right under an entry heading, or undefined when it is prose. */
function details(paragraph: string) {
  const ctx = new ParseContext('x.md', paragraph);
  const node = parseMarkdown(paragraph).children[0] as Paragraph;
  return detailLines(node, ctx)?.map((d) =>
    d.type === 'fact'
      ? `fact ${d.label}: ${d.value.plain}`
      : `subtitle ${d.text.plain}${d.aside ? ` | ${d.aside.plain}` : ''}`,
  );
}

describe('detail lines or prose', () => {
  it.each([
    ['Technologies: C#, AB Test, Big Data, Azure', ['fact Technologies: C#, AB Test, Big Data, Azure']],
    ['Microsoft | 2022-2025', ['subtitle Microsoft | 2022–2025']],
    [
      'Acme Inc.\nPh.D. in Computer Science\nBerlin, Germany',
      ['subtitle Acme Inc.', 'subtitle Ph.D. in Computer Science', 'subtitle Berlin, Germany'],
    ],
    ['Backend Engineer\nStack: Go, Postgres', ['subtitle Backend Engineer', 'fact Stack: Go, Postgres']],
    ['Role\n: Staff Engineer\n: Tech lead', ['fact Role: Staff Engineer', 'fact Role: Tech lead']],
    ['Mark I | 1944 - 1949\nRole\n: Programmer', ['subtitle Mark I | 1944 – 1949', 'fact Role: Programmer']],
    ['Website: https://x.org\nEmail: jo@x.org', ['fact Website: https://x.org', 'fact Email: jo@x.org']],
    ['Stack: **Go**, Rust', ['fact Stack: Go, Rust']],
  ])('reads %j as detail lines', (paragraph, expected) => {
    expect(details(paragraph)).toEqual(expected);
  });

  it.each([
    'Quillwork builds reporting pipelines for hospitals\nand clinics across the region.',
    'Built a compiler in a weekend.',
    'Shipped it!',
    'Acme Inc.\nWe make anvils for coyotes.',
    'A very long line of text that runs on and on well past what any subtitle would ever need to say here',
  ])('reads %j as prose', (paragraph) => {
    expect(details(paragraph)).toBeUndefined();
  });
});
