import { AlignmentType, Paragraph, TextRun, type FileChild, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { LetterView } from '../letter-view.js';
import type { Theme } from '../theme.js';
import { blockElements, ListCounter } from './blocks.js';
import { packDocx } from './document.js';
import { headerParagraphs, type DocxPhoto } from './header.js';
import { textRun } from './inline.js';
import { resolveLook, type Look } from './look.js';

/**
 * A cover letter as a Word document in its resume's look: the resume's
 * header, then the letter's parts as the PDF sets them (see the shared
 * letter-layout.tex.hbs): the recipient, the date flush right, the subject
 * bold in the accent colour, the body, the closing, room to sign, the name.
 */
export function renderLetterDocx(view: LetterView, theme: Theme, photo?: DocxPhoto): Promise<Uint8Array> {
  const look = resolveLook(theme.docx, view.settings);
  return packDocx({
    look,
    meta: view.meta,
    lang: view.lang,
    pageLabel: view.labels.page,
    children: [...headerParagraphs(view.person, look, photo), ...letterBody(view.letter, look)],
  });
}

function letterBody(letter: LetterView['letter'], look: Look): FileChild[] {
  // A part of the letter in the body's style, with the spaces (points) the PDF's layout puts around it.
  const part = (children: ParagraphChild[], before: number, after = 0, options: IParagraphOptions = {}) =>
    new Paragraph({
      style: 'BodyText',
      children,
      spacing: { before: look.space(before), after: look.space(after) },
      ...options,
    });
  // The address is one paragraph, a line each, so no space of the body's style parts its lines.
  const to = letter.to.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), textRun(line.text)]);
  const subject = textRun(letter.subject.text, { bold: true, color: look.colours.accent });
  return [
    part(to, 16),
    part([textRun(letter.date.text)], 10, 0, { alignment: AlignmentType.RIGHT }),
    part([subject], 14, 12, { keepNext: true }),
    ...blockElements(letter.body, look, new ListCounter(), 'LetterText'),
    // The closing stays on the page of the name under it, with room between them to sign by hand.
    part([textRun(letter.closing)], 14, 0, { keepNext: true }),
    part([textRun(letter.signature)], 26),
  ];
}
