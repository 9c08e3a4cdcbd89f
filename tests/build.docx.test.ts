import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../src/build.js';
import type { BuildResult } from '../src/model/build.js';
import { tempDir } from './support/cli.js';
import { docxMedia, docxParts, libreOfficePdfs, wordParagraphs } from './support/docx.js';
import { pdfInfo, pdfText, pdfUrls } from './support/pdf.js';
import { words } from './support/source.js';
import { firstMissingInOrder, seedLines } from './support/text.js';

/**
 * The Word document opened in a real word processor: LibreOffice (headless)
 * converts the seed's .docx and a hostile one to PDF, in one run shared by
 * every test here, and poppler reads the text back, as for mdcv's own PDF.
 */
const ROOT = path.join(import.meta.dirname, '..');
const dir = tempDir('docx');
/**
 * Markup of Word's XML, of XML itself, and characters XML cannot hold, in every part of a resume
 * (no Markdown entities or quotes: those are the parser's to read).
 */
const HOSTILE = ['<w:p>', ']]>', '<![CDATA[x', '&lt', '&#0', '</w:t></w:r><w:r><w:t>'];
const CONTROLS = '\u0001\u000B\u001F\u202E';
const hostile = (i: number): string => `${HOSTILE[i % HOSTILE.length]}${CONTROLS}word${i}`;
let seed: BuildResult;
let attack: BuildResult;
let fitted: BuildResult;
let letter: BuildResult;
let pdfs: { seed: string; attack: string; fitted: string; letter: string };

beforeAll(async () => {
  seed = await build({
    file: path.join(ROOT, 'resume.md'),
    outDir: path.join(dir, 'seed'),
    formats: ['pdf', 'docx'],
    cacheDir: path.join(dir, 'cache'),
  });
  const source = [
    '---',
    `name: "${hostile(0)
      .replace(/[\\"]/g, '\\$&')
      .replace(/[\u0000-\u001F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`,
    '---',
    '',
    `## ${hostile(1)}`,
    '',
    `### ${hostile(2)} | 2020 - 2021`,
    '',
    `- ${hostile(3)} [${hostile(4)}](https://example.com/a?b=1&c=<2>)`,
    `- ${hostile(5)}`,
    '',
  ].join('\n');
  mkdirSync(path.join(dir, 'attack'));
  writeFileSync(path.join(dir, 'attack', 'attack.md'), source);
  attack = await build({
    file: path.join(dir, 'attack', 'attack.md'),
    outDir: path.join(dir, 'attack'),
    formats: ['docx'],
    cacheDir: path.join(dir, 'cache'),
  });
  mkdirSync(path.join(dir, 'fitted'));
  copyFileSync(path.join(ROOT, 'photo.png'), path.join(dir, 'fitted', 'photo.png'));
  // The seed less its last two projects: on one page only at tighter settings.
  const seedText = readFileSync(path.join(ROOT, 'resume.md'), 'utf8');
  const onePage = seedText.slice(0, seedText.indexOf('### A-Tune')).replace('---\n', '---\npages: 1\n');
  writeFileSync(path.join(dir, 'fitted', 'fitted.md'), onePage);
  const cacheDir = path.join(dir, 'cache');
  fitted = await build({
    file: path.join(dir, 'fitted', 'fitted.md'),
    outDir: path.join(dir, 'fitted'),
    formats: ['pdf', 'docx'],
    cacheDir,
  });
  letter = await build({
    file: path.join(ROOT, 'letter.md'),
    outDir: path.join(dir, 'letter'),
    formats: ['pdf', 'docx'],
    cacheDir,
  });
  const docx = [seed.outputs.docx!, attack.outputs.docx!, fitted.outputs.docx!, letter.outputs.docx!];
  const [seedPdf, attackPdf, fittedPdf, letterPdf] = libreOfficePdfs(docx, path.join(dir, 'libreoffice'));
  pdfs = { seed: seedPdf!, attack: attackPdf!, fitted: fittedPdf!, letter: letterPdf! };
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the seed's .docx in LibreOffice", () => {
  test('is written beside the PDF, without a warning', () => {
    expect(seed.diagnostics).toEqual([]);
    expect(seed.outputs.docx).toBe(path.join(dir, 'seed', 'resume.docx'));
  });

  // In its physical layout: poppler's default reading takes a flush-right date in LibreOffice's PDF for a
  // column of its own and reads it after the line below (mdcv's PDF marks where its dates read; LibreOffice cannot).
  test('reads every line of the seed, in order', () => {
    expect(firstMissingInOrder(seedLines(), pdfText(pdfs.seed, 'layout'))).toBeUndefined();
  });

  test('holds the PDF\'s words in the PDF\'s order, less the "(Cont.)" title the PDF repeats on page 2', () => {
    const xml = docxParts(readFileSync(seed.outputs.docx!))['word/document.xml']!;
    const pdf = pdfText(seed.outputs.pdf!).replace(/^.*\(Cont\.\)$/m, '');
    expect(
      words(
        wordParagraphs(xml)
          .map((p) => p.text)
          .join('\n'),
      ),
    ).toEqual(words(pdf));
  });

  test('has as many pages as the PDF: two', () => {
    expect(pdfInfo(seed.outputs.pdf!).Pages).toBe('2');
    expect(pdfInfo(pdfs.seed).Pages).toBe('2');
  });

  test("sets each date flush right on its title's line", () => {
    const lines = pdfText(pdfs.seed, 'layout').split('\n');
    const title = lines.find((line) => line.includes('AB Test Software Engineer'))!;
    expect(title).toMatch(/^\s*AB Test Software Engineer {10,}Sep 2025 – Present$/);
    expect(lines[lines.indexOf(title) + 1]).toMatch(/^\s*Technologies:/);
  });

  test("keeps the email a live link, and the document's title and author", () => {
    expect(pdfUrls(pdfs.seed)).toContain('mailto:you@example.com');
    expect(pdfInfo(pdfs.seed)).toMatchObject({ Title: 'Your Name – Résumé', Author: 'Your Name' });
  });
});

describe('under `pages:`', () => {
  test('takes the settings the PDF was fitted with, and fills as many pages in LibreOffice', () => {
    const [chosen] = fitted.fitted!;
    expect(pdfInfo(fitted.outputs.pdf!).Pages).toBe('1');
    const parts = docxParts(readFileSync(fitted.outputs.docx!));
    expect(parts['word/styles.xml']).toMatch(
      new RegExp(`<w:docDefaults>[\\s\\S]*<w:sz w:val="${chosen!.fontSize * 2}"/>`),
    );
    const margin = Math.round(parseFloat(chosen!.margin) * 1440);
    expect(parts['word/document.xml']).toMatch(new RegExp(`<w:pgMar w:top="${margin}" w:right="${margin}"`));
    expect(pdfInfo(pdfs.fitted).Pages).toBe('1');
  });
});

describe('hostile text', () => {
  const shown = (i: number): string => `${HOSTILE[i % HOSTILE.length]}word${i}`;

  test('lands as text in the runs, each where it was written, and the XML stays whole', () => {
    expect(attack.ok).toBe(true);
    const document = docxParts(readFileSync(attack.outputs.docx!))['word/document.xml']!;
    expect(unbalancedTag(document)).toBeUndefined();
    const texts = wordParagraphs(document).map((p) => p.text);
    expect(texts).toEqual([shown(0), shown(1), `${shown(2)}\t2020 \u2013 2021`, `${shown(3)} ${shown(4)}`, shown(5)]);
  });

  test('reads back from LibreOffice as written, less the control characters', () => {
    const text = pdfText(pdfs.attack);
    for (let i = 0; i <= 5; i++) expect(text).toContain(shown(i));
    expect(pdfUrls(pdfs.attack)).toContain('https://example.com/a?b=1&c=%3C2%3E');
  });
});

describe('a photo Word cannot show', () => {
  test('is left out of the .docx, with a warning that says so', async () => {
    const folder = path.join(dir, 'pdf-photo');
    mkdirSync(folder);
    copyFileSync(seed.outputs.pdf!, path.join(folder, 'me.pdf'));
    writeFileSync(
      path.join(folder, 'resume.md'),
      '---\nname: Ada Lovelace\nphoto: me.pdf\n---\n\n## Work\n\nEngines.\n',
    );
    const result = await build({
      file: path.join(folder, 'resume.md'),
      outDir: folder,
      formats: ['docx'],
      cacheDir: path.join(dir, 'cache'),
    });
    expect(result.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 3, 'the Word document leaves out the photo `me.pdf`: Word shows no PDF image'],
    ]);
    expect(Object.keys(docxMedia(readFileSync(result.outputs.docx!)))).toEqual([]);
  });
});

/** The first closing tag that does not close the element open there, or an element left open: XML that is not whole. */
function unbalancedTag(xml: string): string | undefined {
  const open: string[] = [];
  for (const [tag, closing, name, selfClosing] of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return tag;
  }
  return open.length > 0 ? `<${open.at(-1)}>` : undefined;
}

describe("the seed's cover letter's .docx in LibreOffice", () => {
  test('is written beside its PDF, without a warning', () => {
    expect(letter.diagnostics).toEqual([]);
    expect(letter.outputs.docx).toBe(path.join(dir, 'letter', 'letter.docx'));
  });

  test("is one page, as the letter's PDF is", () => {
    expect(pdfInfo(letter.outputs.pdf!).Pages).toBe('1');
    expect(pdfInfo(pdfs.letter).Pages).toBe('1');
  });

  test('reads the header, recipient, date, subject, body, closing and name in order, every word of the PDF', () => {
    const text = pdfText(pdfs.letter, 'layout');
    const order = [
      'Your Name',
      'you@example.com',
      'Ms. Dana Rivera',
      'Northwind Cloud',
      'March 5, 2026',
      'Application for Senior Software Engineer, Distributed Scheduling',
      'Dear Ms. Rivera,',
      'designed the Policy Engine',
      'Thank you for your time and consideration.',
      'Sincerely,',
      'Your Name',
    ];
    expect(firstMissingInOrder(order, text)).toBeUndefined();
    expect(words(pdfText(pdfs.letter))).toEqual(words(pdfText(letter.outputs.pdf!)));
    // The date is flush right: it ends its line at the text's right edge, as the body's longest lines do.
    const lines = text.split('\n');
    const date = lines.find((line) => line.includes('March 5, 2026'))!;
    expect(date.trimEnd().length).toBeGreaterThan(Math.max(...lines.map((l) => l.trimEnd().length)) - 3);
  });

  test("keeps the letter's title and the person as its author", () => {
    expect(pdfInfo(pdfs.letter)).toMatchObject({ Title: 'Your Name – Cover letter', Author: 'Your Name' });
  });
});
