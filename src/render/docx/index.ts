export { renderDocx } from './render.js';
export { docxPhoto } from './photo.js';
export { headerParagraphs, type DocxPhoto } from './header.js';
export { blockElements, ListCounter, textParagraph } from './blocks.js';
export { packDocx, type DocxParts } from './document.js';
export { resolveLook, type Look } from './look.js';
export { inlineRuns, textRun } from './inline.js';
export { renderLetterDocx } from './letter.js';
