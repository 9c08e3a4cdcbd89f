import type { Letter } from '../../model/letter.js';
import type { Resume } from '../../model/resume.js';
import { blocks, headText, textOf } from './render.js';

/**
 * A cover letter as plain text, for a job site's form or an email: the
 * resume's header, then the letter's parts in reading order, a blank line
 * between them.
 */
export function letterText(letter: Letter, resume: Resume): string {
  return textOf([
    headText(resume.person),
    letter.to.map((line) => line.text).join('\n'),
    letter.date.text,
    letter.subject.text,
    ...blocks(letter.body, ''),
    `${letter.closing}\n\n${resume.person.name}`,
  ]);
}
