import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Inline } from '../../model/resume.js';

/** What a run of text may carry besides its text: the part's look, and what its markup adds. */
export type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Inline Markdown as Word runs: emphasis, strong, struck text and code as run
 * properties, links as live hyperlinks, footnote numbers raised. Text goes in
 * only as a run's text, which the docx library writes escaped for XML.
 */
export function inlineRuns(nodes: readonly Inline[], format: RunFormat, mono: string): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return [textRun(node.value, format)];
      case 'code':
        return [textRun(node.value, { ...format, font: mono })];
      case 'strong':
        return inlineRuns(node.children, { ...format, bold: true }, mono);
      case 'emphasis':
        return inlineRuns(node.children, { ...format, italics: true }, mono);
      case 'delete':
        return inlineRuns(node.children, { ...format, strike: true }, mono);
      case 'note':
        return [textRun(String(node.number), { ...format, superScript: true })];
      case 'task':
        return [textRun(node.done ? '\u2611' : '\u2610', format)];
      case 'break':
        return [new TextRun({ ...format, break: 1 })];
      case 'link':
        return [
          new ExternalHyperlink({
            link: node.url,
            children: inlineRuns(node.children, { ...format, style: 'Hyperlink' }, mono),
          }),
        ];
    }
  });
}

/** A run of text, the one way text enters the document. */
export function textRun(text: string, format: RunFormat = {}): TextRun {
  return new TextRun({ ...format, text: wordText(text) });
}

/**
 * Text as a Word run holds it: characters XML 1.0 cannot carry (most C0
 * controls) and the bidi overrides and isolates that make text read in
 * another order than it is are dropped, as the PDF and HTML drop them (and
 * a lone surrogate half, which a JSON Resume's `\ud800` can make); a
 * tab or line end is a space (the layout's tabs are its own).
 */
export function wordText(text: string): string {
  return text.replace(UNSHOWN, '').replace(/[\t\n\r]/g, ' ');
}

const UNSHOWN = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]',
    // A surrogate half without its other half.
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);
