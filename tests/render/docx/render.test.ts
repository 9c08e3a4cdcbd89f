import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBuild } from '../../../src/build/prepare.js';
import { parseResume } from '../../../src/parse/index.js';
import { docxPhoto, renderDocx } from '../../../src/render/docx/index.js';
import { loadTheme } from '../../../src/render/index.js';
import { docxMedia, docxParts, wordParagraphs, type WordParagraph } from '../../support/docx.js';
import { words } from '../../support/source.js';
import { firstMissingInOrder, seedLines } from '../../support/text.js';

/** The seed resume as a Word document, read back from the zip's XML: what Word and a parser read. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const { prepared } = await prepareBuild({ file: path.join(ROOT, 'resume.md'), cache: false });
const { resume, theme, photo } = prepared!;
const bytes = await renderDocx(resume, theme, docxPhoto(photo!.asset.fileName, photo!.bytes));
const parts = docxParts(bytes);
const document = parts['word/document.xml']!;
const paragraphs = wordParagraphs(document);
const styled = (style: string): string[] => paragraphs.filter((p) => p.style === style).map((p) => p.text);
/** Letter paper less the classic theme's 0.6in margins, in twips. */
const TEXT_WIDTH = 12240 - 2 * 864;

describe('the seed as a Word document', () => {
  it('keeps every line of the seed in order, as the PDF reads them', () => {
    expect(firstMissingInOrder(seedLines(), paragraphs.map((p) => p.text).join('\n'))).toBeUndefined();
  });

  it('marks its structure with Word styles: Title, Heading 1 sections, Heading 2 entries, Heading 3 roles', () => {
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: 'Your Name' });
    expect(styled('Heading1')).toEqual(['Experience', 'Projects']);
    expect(styled('Heading2')).toEqual([
      'Microsoft',
      'Huawei',
      'Batch Scheduler vNext',
      'Memory leak fixing for Batch Scheduler',
      'QEMU hot-replace',
      'Support enable/disable CPU features for AArch64',
      'A-Tune',
      'Support DBM of stage-2 for AArch64',
    ]);
    expect(styled('Heading3')).toEqual([
      'AB Test Software Engineer\tSep 2025 \u2013 Present',
      'Distributed Software Engineer\tApr 2022 \u2013 Aug 2025',
      'Virtualization Software Engineer\tJul 2018 \u2013 Apr 2022',
    ]);
    expect(styled('Detail')[0]).toBe('Technologies: C#, AB Test, Big Data, Azure');
    expect(styled('EntrySubtitle')[0]).toBe('Microsoft\t2022\u20132025');
    const bullets = paragraphs.filter((p) => p.style === 'ListBullet');
    expect(bullets.length).toBe(20);
    for (const bullet of bullets)
      expect(bullet.xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  });

  it("puts every date on a right-aligned tab stop at the text's edge, never after spaces", () => {
    const dated = paragraphs.filter(
      (p) => /\d{4}/.test(p.text) && ['Heading3', 'EntrySubtitle'].includes(p.style ?? ''),
    );
    expect(dated.length).toBe(9);
    for (const p of dated) expect(p.text.split('\t')).toHaveLength(2);
    for (const p of paragraphs) expect(p.text).not.toMatch(/ {2}/);
    const styles = parts['word/styles.xml']!;
    for (const id of ['Heading2', 'Heading3', 'EntrySubtitle']) {
      expect(styleXml(styles, id)).toContain(`<w:tab w:val="right" w:pos="${TEXT_WIDTH}"/>`);
    }
  });

  it("sets the theme's look in the styles: Cambria for Charter, the accent on the name, ruled section titles", () => {
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(
      /<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Cambria" w:cs="Cambria" w:eastAsia="Cambria" w:hAnsi="Cambria"\/>/,
    );
    expect(styleXml(styles, 'Title')).toMatch(/<w:color w:val="1F3A5F"\/>[\s\S]*<w:sz w:val="48"\/>/);
    expect(styleXml(styles, 'Heading1')).toMatch(/<w:bottom w:val="single" w:color="1F3A5F" w:sz="6" w:space="2"\/>/);
    expect(styleXml(styles, 'Heading1')).toContain('<w:keepNext/>');
    for (const [level, id] of ['Heading1', 'Heading2', 'Heading3'].entries()) {
      expect(styleXml(styles, id)).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
    expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"[^>]*\/>/);
  });

  it('links the email live', () => {
    const contacts = paragraphs.find((p) => p.style === 'Contacts')!;
    expect(contacts.text).toBe('you@example.com');
    const id = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(contacts.xml)![1];
    expect(parts['word/_rels/document.xml.rels']).toMatch(
      new RegExp(
        `<Relationship (?=[^>]*Id="${id}")(?=[^>]*Target="mailto:you@example.com")(?=[^>]*TargetMode="External")`,
      ),
    );
  });

  it('embeds the photo, floating at the left margin beside the name', () => {
    const media = Object.values(docxMedia(bytes));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]!).equals(readFileSync(path.join(ROOT, 'photo.png')))).toBe(true);
    expect(paragraphs[0]!.xml).toMatch(
      /<wp:anchor [\s\S]*<wp:align>left<\/wp:align>[\s\S]*<wp:wrapSquare wrapText="right"/,
    );
    expect(paragraphs[0]!.xml).toContain('descr="Photo of Your Name"');
  });

  it('gives the document properties: title, author, subject and keywords', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Your Name \u2013 Résumé</dc:title>');
    expect(core).toContain('<dc:creator>Your Name</dc:creator>');
    expect(core).toContain('<dc:subject>Résumé</dc:subject>');
    const keywords = 'C#, AB Test, Big Data, Azure, C++, Distributed System, HPC, C, Linux, KVM, QEMU, Libvirt';
    expect(core).toContain(`<cp:keywords>${keywords}</cp:keywords>`);
  });
});

describe('the settings', () => {
  it("number the pages in the footer with `pageNumbers: true`, in the resume's language", async () => {
    const settings = { ...resume.settings, pageNumbers: true, locale: 'de', paper: 'a4' as const };
    const numbered = docxParts(await renderDocx({ ...resume, settings }, theme));
    const footer = Object.entries(numbered).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/<w:t xml:space="preserve">Seite\u00A0<\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(numbered['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(numbered['word/styles.xml']).toContain('<w:lang w:val="de"/>');
    expect(parts['word/footer1.xml']).toBeUndefined();
  });
});

describe('every construct of the Markdown', () => {
  const DIR = path.resolve(import.meta.dirname, '../../fixtures/constructs');
  const FILE = path.join(DIR, 'resume.md');
  const constructs = parseResume(readFileSync(FILE, 'utf8'), FILE).resume!;
  const xml = async (): Promise<{ text: string; document: string; paragraphs: WordParagraph[] }> => {
    const document = docxParts(await renderDocx(constructs, await loadTheme('classic', DIR)))['word/document.xml']!;
    const paragraphs = wordParagraphs(document);
    return { document, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
  };

  it('keeps every word a reader sees, in order, and no Markdown syntax', async () => {
    const { text } = await xml();
    expect(words(text)).toEqual(words(readFileSync(path.join(DIR, 'visible.txt'), 'utf8')));
    for (const syntax of [/\|\s*-{3}/, /^\s*: /m, /~~/, /\[[ x]\]/, /\*\*/]) expect(text).not.toMatch(syntax);
  });

  it('writes a Word table, struck text struck, code in the mono font, notes raised, task boxes as boxes', async () => {
    const { document, text } = await xml();
    expect(document).toMatch(
      /<w:tbl>[\s\S]*<w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><\/w:tblGrid>/,
    );
    expect(document).toMatch(/<w:strike\/>[\s\S]*?<w:t[^>]*>first<\/w:t>/);
    expect(document).toMatch(/<w:vertAlign w:val="superscript"\/>/);
    expect(document).toMatch(/<w:rFonts w:ascii="Courier New"/);
    expect(text).toContain('\u2611 Wrote the first A-0 compiler');
    expect(text).toContain('\u2610 Retire quietly');
  });
});

/** A style's definition in styles.xml, by its id. */
function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}
