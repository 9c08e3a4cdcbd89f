import type { OutputLanguage } from '../environment.js';
import { escapeLatex, escapeLatexUrl } from './escape.js';
import { inlineToLatex } from './inline.js';

/**
 * A TeX comment with its line end: TeX drops both without a trace (no space,
 * no paragraph break), so the marker changes nothing in the layout.
 */
const sourceMarker = (line: number): string => `%mdcv line ${line}\n`;

export const latexLanguage: OutputLanguage = {
  text: escapeLatex,
  inline: inlineToLatex,
  url: escapeLatexUrl,
  sourceMarker,
};
