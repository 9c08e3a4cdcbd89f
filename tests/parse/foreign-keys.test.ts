import { describe, expect, it } from 'vitest';
import { isForeignKey, readForeignKeys } from '../../src/parse/foreign-keys.js';

/** Each key on its own line, from line 2 on, as a frontmatter writes them. */
const linesOf = (data: Record<string, unknown>) => Object.fromEntries(Object.keys(data).map((key, i) => [key, i + 2]));
const read = (data: Record<string, unknown>) => readForeignKeys(data, linesOf(data));

describe('readForeignKeys', () => {
  it.each([
    ['linkedin', 'jdoe', 'https://linkedin.com/in/jdoe'],
    ['linkedin', 'in/jdoe', 'https://linkedin.com/in/jdoe'],
    ['LinkedIn', 'https://www.linkedin.com/in/jdoe/', 'https://www.linkedin.com/in/jdoe/'],
    ['github', '@jdoe', 'https://github.com/jdoe'],
    ['github', 'github.com/jdoe', 'github.com/jdoe'],
    ['gitlab', 'jdoe', 'https://gitlab.com/jdoe'],
    ['twitter', '@jdoe', 'https://x.com/jdoe'],
    ['orcid', '0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'],
  ])('reads `%s: %s` as the link %s, with a note', (key, value, url) => {
    const { data, notes } = read({ [key]: value });
    expect(data).toEqual({ links: [url] });
    expect(notes).toEqual([
      { key, message: `\`${key}:\` is read as a link: ${url}`, hint: `in mdcv's own words: \`links: [${url}]\`` },
    ]);
  });

  it('adds links after those of `links:`', () => {
    expect(read({ links: ['https://a.example'], github: 'jdoe' }).data).toEqual({
      links: ['https://a.example', 'https://github.com/jdoe'],
    });
  });

  it('reads url/homepage as the website, address/city as the location, mail and mobile as email and phone', () => {
    const { data, notes } = read({
      homepage: 'jane.dev',
      address: 'Hauptstraße 1',
      city: 'Berlin',
      mail: 'j@example.com',
      mobile: 5550100,
    });
    expect(data).toEqual({
      website: 'jane.dev',
      location: 'Hauptstraße 1, Berlin',
      email: 'j@example.com',
      phone: '5550100',
    });
    expect(notes.map((n) => n.key)).toEqual(['homepage', 'address', 'city', 'mail', 'mobile']);
  });

  it("keeps what mdcv's own keys say, and what the others add: as links, or joined to the location", () => {
    const { data, notes } = read({
      email: 'a@example.com',
      'e-mail': 'b@example.com',
      phone: '1',
      tel: '+49 30 1234567',
      website: 'https://a.example',
      url: 'https://b.example',
      location: 'Berlin',
      city: 'Berlin',
    });
    expect(data).toEqual({
      email: 'a@example.com',
      phone: '1',
      website: 'https://a.example',
      location: 'Berlin',
      links: [
        { label: 'b@example.com', url: 'mailto:b@example.com' },
        { label: '+49 30 1234567', url: 'tel:+49301234567' },
        { label: 'b.example', url: 'https://b.example' },
      ],
    });
    expect(notes.map((n) => n.message)).toEqual([
      '`e-mail:` is read as a link (`email:` is set)',
      '`tel:` is read as a link (`phone:` is set)',
      '`url:` is read as a link (`website:` is set)',
      '`city:` is read as part of `location:`',
    ]);
  });

  it('leaves out, with a note, a subtitle when there is a headline, and a value that is not text', () => {
    const { data, notes } = read({ headline: 'Engineer', subtitle: 'Writer', github: ['a', 'b'] });
    expect(data).toEqual({ headline: 'Engineer' });
    expect(notes.map((n) => n.message)).toEqual([
      '`subtitle:` is left out: `headline:` is set',
      '`github:` is not text; left out',
    ]);
  });

  it('hands `title:` and `author:` on as names, with their lines, for the body to decide', () => {
    const { data, names } = read({ title: 'Jane Doe', author: 'J. Doe' });
    expect(data).toEqual({});
    expect(names).toEqual([
      { key: 'title', value: 'Jane Doe', line: 2 },
      { key: 'author', value: 'J. Doe', line: 3 },
    ]);
  });

  it('gives the line of the key it read to the key it filled', () => {
    const keyLines = { url: 4, github: 5 };
    readForeignKeys({ url: 'jane.dev', github: 'jdoe' }, keyLines);
    expect(keyLines).toEqual({ url: 4, github: 5, website: 4, links: 5 });
  });

  it('knows the keys it reads, and no others', () => {
    expect(['title', 'LinkedIn', 'homepage', 'city'].every(isForeignKey)).toBe(true);
    expect(['layout', 'permalink', 'name', 'toString', 'constructor'].some(isForeignKey)).toBe(false);
  });
});
