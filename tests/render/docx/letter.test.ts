import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareBuild } from '../../../src/build/prepare.js';
import { docxPhoto, renderLetterDocx } from '../../../src/render/docx/index.js';
import { buildLetterView } from '../../../src/render/index.js';
import { docxMedia, docxParts, wordParagraphs } from '../../support/docx.js';
import { tempDir } from '../../support/cli.js';
import { firstMissingInOrder } from '../../support/text.js';

/** The seed's cover letter (a link added to its body) as a Word document, read back from the zip's XML. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = tempDir('letter-docx');
for (const file of ['resume.md', 'photo.png']) copyFileSync(path.join(ROOT, file), path.join(dir, file));
const letterSource = readFileSync(path.join(ROOT, 'letter.md'), 'utf8').replace(
  'Thank you for your time',
  'My [talk on scheduling](https://example.com/talk) shows more. Thank you for your time',
);
writeFileSync(path.join(dir, 'letter.md'), letterSource);
const { prepared } = await prepareBuild({ file: path.join(dir, 'letter.md'), cache: false });
const { resume, theme, photo, letter, engine } = prepared!;
const view = buildLetterView(letter!, resume, theme, photo!.asset, engine);
const bytes = await renderLetterDocx(view, theme, docxPhoto(photo!.asset.fileName, photo!.bytes));
const parts = docxParts(bytes);
const paragraphs = wordParagraphs(parts['word/document.xml']!);
const holding = (text: string) => paragraphs.find((p) => p.text.includes(text))!;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the seed's cover letter as a Word document", () => {
  it("opens with the resume's header: the name (Title), the contacts, the photo", () => {
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: 'Your Name' });
    expect(paragraphs.find((p) => p.style === 'Contacts')!.text).toContain('you@example.com');
    expect(Object.keys(docxMedia(bytes))).toHaveLength(1);
  });

  it('has the header, recipient, date, subject, body, closing and name in that order', () => {
    const order = [
      'Your Name',
      'you@example.com',
      'Ms. Dana Rivera',
      '500 Market Street, San Francisco, CA 94105',
      'March 5, 2026',
      'Application for Senior Software Engineer, Distributed Scheduling',
      'Dear Ms. Rivera,',
      'designed the Policy Engine',
      'consideration.',
      'Sincerely,',
      'Your Name',
    ];
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(firstMissingInOrder(order, text)).toBeUndefined();
    // The name closes the letter: it is the last paragraph, after the closing.
    expect(paragraphs.at(-1)!.text).toBe('Your Name');
    expect(paragraphs.at(-2)!.text).toBe('Sincerely,');
  });

  it('sets the recipient a line each, the date flush right, the subject bold in the accent colour', () => {
    expect(holding('Ms. Dana Rivera').text).toBe(letter!.to.map((line) => line.text).join('\n'));
    expect(holding('March 5, 2026').xml).toContain('<w:jc w:val="right"/>');
    const subject = holding('Application for Senior Software Engineer').xml;
    expect(subject).toContain('<w:b/>');
    expect(subject).toMatch(/<w:color w:val="[0-9A-F]{6}"\/>/);
    expect(subject).not.toContain('<w:color w:val="000000"/>');
  });

  it("keeps the body's emphasis, strong text, list and link", () => {
    expect(holding('100 million tasks a day').xml).toMatch(/<w:b\/>[\s\S]*100 million tasks a day/);
    expect(holding('Batch Scheduler vNext').xml).toMatch(/<w:i\/>[\s\S]*Batch Scheduler vNext/);
    expect(holding('designed the Policy Engine').style).toBe('ListBullet');
    // Its paragraphs are set apart, as a letter's are: a style of their own, with space before each.
    expect(holding('Dear Ms. Rivera,').style).toBe('LetterText');
    const before = /w:styleId="LetterText"[\s\S]*?w:before="(\d+)"/.exec(parts['word/styles.xml']!)![1];
    expect(Number(before)).toBeGreaterThan(100);
    expect(holding('talk on scheduling').xml).toContain('<w:hyperlink');
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://example.com/talk"');
  });

  it("has the letter's title and subject and the person as its author", () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Your Name – Cover letter</dc:title>');
    expect(core).toContain('<dc:subject>Application for Senior Software Engineer, Distributed Scheduling</dc:subject>');
    expect(core).toContain('<dc:creator>Your Name</dc:creator>');
  });
});
