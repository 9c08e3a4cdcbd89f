import type { Paragraph } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/model/resume.js';
import { readContactLine, withContacts } from '../../src/parse/contacts.js';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';

const processor = unified().use(remarkParse).use(remarkGfmSyntax);
const paragraph = (markdown: string) => processor.parse(markdown).children[0] as Paragraph;
const read = (markdown: string) => readContactLine(paragraph(markdown), new Map([['gh', 'https://github.com/jane']]));
const person = (extra: Partial<Person> = {}): Person => ({ name: 'Jane Doe', links: [], ...extra });

describe('readContactLine', () => {
  it.each([
    ['a pipe', 'jane@example.com | +1 555 010 0199'],
    ['a middle dot', 'jane@example.com · +1 555 010 0199'],
    ['a bullet', 'jane@example.com • +1 555 010 0199'],
    ['a spaced dash', 'jane@example.com - +1 555 010 0199'],
    ['a line break', 'jane@example.com\n+1 555 010 0199'],
    ['a hard line break', 'jane@example.com\\\n+1 555 010 0199'],
  ])('splits at %s', (_, markdown) => {
    expect(read(markdown)?.items).toEqual([
      { kind: 'email', text: 'jane@example.com' },
      { kind: 'phone', text: '+1 555 010 0199' },
    ]);
  });

  it('reads emails, phones, URLs and links as written: bare, autolinked, labelled, with icons', () => {
    const found = read(
      '📧 [jane@example.com](mailto:jane@example.com) · **Phone:** (555) 010-0199 · <https://jane.dev> · github.com/jane · [Blog](https://jane.dev/blog) · Location: Berlin',
    );
    expect(found?.items).toEqual([
      { kind: 'email', text: 'jane@example.com' },
      { kind: 'phone', text: '(555) 010-0199' },
      { kind: 'url', text: 'https://jane.dev' },
      { kind: 'url', text: 'https://github.com/jane' },
      { kind: 'link', link: { label: 'Blog', url: 'https://jane.dev/blog' } },
      { kind: 'place', text: 'Berlin' },
    ]);
  });

  it('reads a reference link as a link to its definition', () => {
    expect(read('[GitHub][gh] | jane@example.com\n\n[gh]: https://github.com/jane')?.items).toEqual([
      { kind: 'link', link: { label: 'GitHub', url: 'https://github.com/jane' } },
      { kind: 'email', text: 'jane@example.com' },
    ]);
  });

  it('takes a first line of its own, or the first of several short pieces, for the headline; other short text is a place', () => {
    expect(read('Data Engineer\njane@example.com | Portland, OR')).toEqual({
      headline: 'Data Engineer',
      items: [
        { kind: 'email', text: 'jane@example.com' },
        { kind: 'place', text: 'Portland, OR' },
      ],
    });
    expect(read('Data Engineer · Portland, OR · jane@example.com')?.headline).toBe('Data Engineer');
    expect(read('Portland, OR · jane@example.com')).toEqual({
      items: [
        { kind: 'place', text: 'Portland, OR' },
        { kind: 'email', text: 'jane@example.com' },
      ],
    });
  });

  it.each([
    ['prose with a link', 'I build pipelines at [Acme](https://acme.example) | jane@example.com'],
    ['a sentence', 'Engineer who likes quiet pagers and boring dashboards a lot | jane@example.com'],
    ['no contact at all', 'Berlin | Germany'],
    ['two links in one piece', '[a](https://a.example) [b](https://b.example)'],
    ['an unsafe link', '[me](javascript:alert(1)) | jane@example.com'],
    ['a year range', '2019 - 2023'],
  ])('is no line of contacts: %s', (_, markdown) => {
    expect(read(markdown)).toBeUndefined();
  });
});

describe('withContacts', () => {
  it('fills what the frontmatter leaves out, keeps the order written, and keeps profiles as links', () => {
    const found = read('+1 555 010 0199 | jane@example.com | https://github.com/jane | jane.dev | Berlin, Germany')!;
    expect(withContacts(person(), found)).toEqual({
      name: 'Jane Doe',
      phone: '+1 555 010 0199',
      email: 'jane@example.com',
      website: 'https://jane.dev',
      location: 'Berlin, Germany',
      links: [{ label: 'github.com/jane', url: 'https://github.com/jane' }],
      contactOrder: [
        { kind: 'phone' },
        { kind: 'email' },
        { kind: 'link', index: 0 },
        { kind: 'website' },
        { kind: 'location', place: 'Berlin, Germany' },
      ],
    });
  });

  it('loses nothing the frontmatter already has: a second email, phone or website becomes a link, a second place and headline join', () => {
    const found = read('Engineer\nwork@example.com | +1 555 010 0199 | https://work.example | Berlin')!;
    const merged = withContacts(
      person({
        headline: 'Writer',
        email: 'jane@example.com',
        phone: '+1 555 000 0000',
        website: 'https://jane.dev',
        location: 'Hamburg',
      }),
      found,
    );
    expect(merged).toMatchObject({
      headline: 'Writer · Engineer',
      email: 'jane@example.com',
      phone: '+1 555 000 0000',
      website: 'https://jane.dev',
      location: 'Hamburg, Berlin',
      links: [
        { label: 'work@example.com', url: 'mailto:work@example.com' },
        { label: '+1 555 010 0199', url: 'tel:+15550100199' },
        { label: 'work.example', url: 'https://work.example' },
      ],
    });
  });

  it("keeps what the line repeats: its words are the person's", () => {
    const merged = withContacts(person(), read('jane@example.com | Berlin | jane@example.com | Berlin')!);
    expect(merged).toMatchObject({
      email: 'jane@example.com',
      location: 'Berlin, Berlin',
      links: [{ label: 'jane@example.com', url: 'mailto:jane@example.com' }],
    });
  });

  it('writes a value the frontmatter has once', () => {
    const merged = withContacts(
      person({ email: 'jane@example.com', location: 'Berlin, Germany' }),
      read('jane@example.com | Berlin')!,
    );
    expect(merged).toMatchObject({ email: 'jane@example.com', location: 'Berlin, Germany', links: [] });
  });
});
