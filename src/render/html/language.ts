import type { OutputLanguage } from '../environment.js';
import { datesToHtml } from './dates.js';
import { escapeHtml } from './escape.js';
import { inlineToHtml } from './inline.js';

export const htmlLanguage: OutputLanguage = {
  text: escapeHtml,
  inline: inlineToHtml,
  url: escapeHtml,
  dates: datesToHtml,
};
