import type { Letter } from '../model/letter.js';
import type { Resume } from '../model/resume.js';
import type { EngineChoice } from '../model/scripts.js';
import type { Theme } from './theme.js';
import { buildLetterView } from './letter-view.js';
import { letterText } from './text/letter.js';
import { renderText } from './text/render.js';
import { buildView, type PhotoAsset } from './view.js';

export { loadTheme, listThemes, NoTheme, ThemeError, type Theme } from './theme.js';
export { settingsFor, type EngineView, type PhotoAsset, type View } from './view.js';
export { buildLetterView, type LetterView } from './letter-view.js';
export { renderText };
// The Word document's renderer (./docx/) is not re-exported: its library is large,
// and a build loads it only when asked for a .docx.

/**
 * The resume as a standalone LaTeX document in the theme's layout, for the given engine (by default the one its text
 * needs).
 */
export function renderLatex(resume: Resume, theme: Theme, photo?: PhotoAsset, engine?: EngineChoice): string {
  return theme.latex(buildView(resume, theme, photo, engine));
}

/** The resume as one self-contained HTML page in the theme's look. */
export function renderHtml(resume: Resume, theme: Theme, photo?: PhotoAsset): string {
  return theme.html(buildView(resume, theme, photo));
}

/**
 * How a document renders in each language, from the resume as the build has it (its settings fitted, its tags
 * selected).
 */
export interface Renderers {
  latex(resume: Resume, theme: Theme, photo?: PhotoAsset, engine?: EngineChoice): string;
  html(resume: Resume, theme: Theme, photo?: PhotoAsset): string;
  text(resume: Resume): string;
}

export const RESUME_RENDERERS: Renderers = { latex: renderLatex, html: renderHtml, text: renderText };

/** A cover letter's renderers: the letter, under the header of its resume as the build has it. */
export function letterRenderers(letter: Letter): Renderers {
  return {
    latex: (resume, theme, photo, engine) => theme.letter.latex(buildLetterView(letter, resume, theme, photo, engine)),
    html: (resume, theme, photo) => theme.letter.html(buildLetterView(letter, resume, theme, photo)),
    text: (resume) => letterText(letter, resume),
  };
}
