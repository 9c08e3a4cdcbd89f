import type { Letter } from '../model/letter.js';
import { localeFor } from '../model/locale.js';
import type { Resume } from '../model/resume.js';
import type { EngineChoice } from '../model/scripts.js';
import type { Theme } from './theme.js';
import { buildView, type PhotoAsset, type View } from './view.js';

/**
 * What a letter's templates see: the resume's view (its header, settings,
 * words) and the letter's parts in reading order. Every renderer of a letter
 * (LaTeX, HTML, text, a Word document) takes its parts from here.
 */
export interface LetterView extends View {
  letter: {
    to: Letter['to'];
    date: Letter['date'];
    subject: Letter['subject'];
    body: Letter['body'];
    closing: string;
    /** The name under the closing. */
    signature: string;
  };
}

/** `resume` is the letter's resume as the build has it (its settings fitted to one page). */
export function buildLetterView(
  letter: Letter,
  resume: Resume,
  theme: Theme,
  photo?: PhotoAsset,
  engine?: EngineChoice,
): LetterView {
  const view = buildView(resume, theme, photo, engine);
  const { labels } = localeFor(resume.settings.locale);
  const { to, date, subject, body, closing } = letter;
  return {
    ...view,
    meta: { ...view.meta, title: `${resume.person.name} \u2013 ${labels.letter}`, subject: subject.text },
    letter: { to, date, subject, body, closing, signature: resume.person.name },
  };
}
