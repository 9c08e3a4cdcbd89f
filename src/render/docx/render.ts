import { localeFor } from '../../model/locale.js';
import type { Resume } from '../../model/resume.js';
import type { Theme } from '../theme.js';
import { documentMeta, settingsFor } from '../view.js';
import { packDocx } from './document.js';
import { headerParagraphs, type DocxPhoto } from './header.js';
import { resolveLook } from './look.js';
import { resumeBody } from './resume.js';

/**
 * The resume as a Word document in the theme's look, built from the model
 * (not converted from the PDF): the header, then the summary and sections.
 */
export function renderDocx(resume: Resume, theme: Theme, photo?: DocxPhoto): Promise<Uint8Array> {
  const look = resolveLook(theme.docx, settingsFor(resume, theme));
  const locale = localeFor(resume.settings.locale);
  return packDocx({
    look,
    meta: documentMeta(resume, locale),
    lang: locale.tag,
    pageLabel: locale.labels.page,
    children: [...headerParagraphs(resume.person, look, photo), ...resumeBody(resume, look)],
  });
}
