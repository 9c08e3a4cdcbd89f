import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun, PageNumber, type FileChild } from 'docx';
import type { View } from '../view.js';
import { textRun, wordText } from './inline.js';
import type { Look } from './look.js';
import { wordNumbering, wordStyles } from './styles.js';

export interface DocxParts {
  look: Look;
  meta: View['meta'];
  /** The language tag of the text (`en`, `de-CH`), for Word's spelling and hyphenation. */
  lang: string;
  /** The word before the page number in the footer, when the look numbers pages. */
  pageLabel: string;
  children: FileChild[];
}

/**
 * A whole Word document of the theme's look: its styles and lists, the page
 * of the settings, the properties (title, author, subject, keywords) Word's
 * File > Info and a parser read, and a footer with the page number when
 * `pageNumbers:` asks. Any document mdcv writes (a resume, a letter) is one of these.
 */
export async function packDocx({ look, meta, lang, pageLabel, children }: DocxParts): Promise<Uint8Array> {
  const styles = wordStyles(look);
  const document = new Document({
    title: wordText(meta.title),
    creator: wordText(meta.author),
    lastModifiedBy: wordText(meta.author),
    subject: wordText(meta.subject),
    keywords: wordText(meta.keywords),
    description: 'Made with mdcv',
    styles: { ...styles, default: { ...styles.default, document: withLanguage(styles.default!.document!, lang) } },
    numbering: wordNumbering(look),
    sections: [
      {
        properties: {
          page: { size: { width: look.page.width, height: look.page.height }, margin: margins(look.page.margin) },
        },
        ...(look.pageNumbers && { footers: { default: pageFooter(look, pageLabel) } }),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function withLanguage<T extends { run?: object }>(defaults: T, lang: string): T {
  return { ...defaults, run: { ...defaults.run, language: { value: wordText(lang) } } };
}

function margins(margin: number) {
  return {
    top: margin,
    right: margin,
    bottom: margin,
    left: margin,
    header: Math.round(margin / 2),
    footer: Math.round(margin / 2),
  };
}

function pageFooter(look: Look, label: string): Footer {
  const muted = { color: look.colours.muted, size: Math.round(look.size * 1.8) };
  const number = new TextRun({ ...muted, children: [PageNumber.CURRENT] });
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [textRun(`${label}\u00A0`, muted), number] }),
    ],
  });
}
