import type { Resume } from '../model/resume.js';
import type { EngineChoice } from '../model/scripts.js';
import type { Theme } from './theme.js';
import { buildView, type PhotoAsset } from './view.js';

export { loadTheme, listThemes, NoTheme, ThemeError, type Theme } from './theme.js';
export { settingsFor, type EngineView, type PhotoAsset, type View } from './view.js';
export { renderText } from './text/render.js';
// The Word document's renderer (./docx/) is not re-exported: its library is large,
// and a build loads it only when asked for a .docx.

/** The resume as a standalone LaTeX document in the theme's layout, for the given engine (by default the one its text needs). */
export function renderLatex(resume: Resume, theme: Theme, photo?: PhotoAsset, engine?: EngineChoice): string {
  return theme.latex(buildView(resume, theme, photo, engine));
}

/** The resume as one self-contained HTML page in the theme's look. */
export function renderHtml(resume: Resume, theme: Theme, photo?: PhotoAsset): string {
  return theme.html(buildView(resume, theme, photo));
}
