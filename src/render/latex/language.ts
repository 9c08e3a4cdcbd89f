import type { OutputLanguage } from '../environment.js';
import { escapeLatex, escapeLatexUrl } from './escape.js';
import { inlineToLatex } from './inline.js';

export const latexLanguage: OutputLanguage = { text: escapeLatex, inline: inlineToLatex, url: escapeLatexUrl };
