import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Letter } from '../../src/model/letter.js';
import { parseResume } from '../../src/parse/index.js';
import { buildLetterView, loadTheme } from '../../src/render/index.js';

describe('buildLetterView', () => {
  it("is the resume's view (header, settings, words) with the letter's parts, its title and subject the letter's", async () => {
    const resume = parseResume(
      '---\nname: Ada Lovelace\nemail: ada@example.org\nlocale: de\naccent: "8B0000"\n---\n',
      'resume.md',
    ).resume!;
    const letter: Letter = {
      file: 'letter.md',
      resumePath: 'resume.md',
      resume,
      to: [{ text: 'Charles Babbage', line: 3 }],
      subject: { text: 'Anmerkungen', line: 4 },
      date: { text: '5. März 1843', iso: '1843-03-05' },
      closing: 'Mit freundlichen Grüßen',
      body: [],
      keyLines: {},
    };
    const view = buildLetterView(letter, resume, await loadTheme('modern', path.resolve('.')));
    expect(view.meta).toMatchObject({
      title: 'Ada Lovelace \u2013 Anschreiben',
      author: 'Ada Lovelace',
      subject: 'Anmerkungen',
    });
    expect(view.contacts.map((c) => c.text)).toEqual(['ada@example.org']);
    // The theme's look under the resume's settings; icons, as the modern theme draws them.
    expect(view.settings['accent']).toBe('8B0000');
    expect(view.settings['font']).toBe('helvetica');
    expect(view.contacts[0]!.icon).toBeDefined();
    expect(view.lang).toBe('de');
    expect(view.letter).toEqual({
      to: letter.to,
      date: letter.date,
      subject: letter.subject,
      body: [],
      closing: 'Mit freundlichen Grüßen',
      signature: 'Ada Lovelace',
    });
  });
});
