import { describe, expect, it } from 'vitest';
import type { Block, Person } from '../../../src/model/resume.js';
import {
  blockElements,
  headerParagraphs,
  ListCounter,
  packDocx,
  resolveLook,
  textParagraph,
  textRun,
} from '../../../src/render/docx/index.js';
import { loadTheme } from '../../../src/render/index.js';
import { docxParts, wordParagraphs } from '../../support/docx.js';

/** A letter made of the resume's pieces: the same header, the recipient's lines, the body's paragraphs. */
describe('a document of the pieces a letter needs', () => {
  it("has the resume's header, the recipient and the body, in the theme's styles and properties", async () => {
    const theme = await loadTheme('modern', '/');
    const look = resolveLook(theme.docx, { ...theme.defaults, spacing: 100, pageNumbers: false });
    const person: Person = { name: 'Ada Lovelace', email: 'ada@example.com', links: [] };
    const body: Block[] = ['Dear Mr Babbage,', 'I write about the engine.'].map((text, line) => ({
      type: 'paragraph',
      text: { type: 'rich', children: [{ type: 'text', value: text }], plain: text },
      line,
    }));
    const meta = { title: 'Ada Lovelace – Letter', author: 'Ada Lovelace', subject: 'Letter', keywords: '' };
    const bytes = await packDocx({
      look,
      meta,
      lang: 'en',
      pageLabel: 'Page',
      children: [
        ...headerParagraphs(person, look),
        ...['Charles Babbage', 'London'].map((line) => textParagraph('BodyText', [textRun(line)])),
        ...blockElements(body, look, new ListCounter()),
      ],
    });
    const parts = docxParts(bytes);
    const paragraphs = wordParagraphs(parts['word/document.xml']!).filter((p) => p.text !== '');
    expect(paragraphs.map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Ada Lovelace'],
      ['Contacts', 'ada@example.com'],
      ['BodyText', 'Charles Babbage'],
      ['BodyText', 'London'],
      ['BodyText', 'Dear Mr Babbage,'],
      ['BodyText', 'I write about the engine.'],
    ]);
    // modern's line under the header, as a paragraph of its own.
    expect(parts['word/document.xml']).toMatch(/<w:bottom w:val="single" w:color="0B6E79" w:sz="16" w:space="0"\/>/);
    expect(parts['docProps/core.xml']).toContain('<dc:title>Ada Lovelace – Letter</dc:title>');
    expect(parts['word/styles.xml']).toContain('w:ascii="Arial"');
  });
});
