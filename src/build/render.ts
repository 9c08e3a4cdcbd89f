import path from 'node:path';
import { addOnce, type Diagnostic } from '../model/diagnostic.js';
import type { FitSettings, Outputs } from '../model/build.js';
import type { Resume } from '../model/resume.js';
import { messages } from '../model/messages.js';
import { buildLetterView } from '../render/letter-view.js';
import { writeScratchFile } from '../scratch.js';
import type { BuildState } from './state.js';

/** A selection's LaTeX in the build folder, rendered again for each `pages:` try. */
export interface LatexSource {
  /** The text last written, which the engine's log speaks of. */
  readonly tex: string;
  /** Renders and writes it (with these `pages:` settings over the resume's); returns its path. */
  write(settings?: FitSettings): string;
}

export function latexSource(state: BuildState, job: string, selected: Resume): LatexSource {
  const { theme, photo, engine, render } = state.prepared;
  let tex = '';
  return {
    get tex() {
      return tex;
    },
    write(settings) {
      const resume = settings ? { ...selected, settings: { ...selected.settings, ...settings } } : selected;
      tex = render.latex(resume, theme, photo?.asset, engine);
      return writeScratchFile(state.workDir, `${job}.tex`, tex);
    },
  };
}

/**
 * The HTML, text, JSON Resume and Word document of a selection, those of them the build writes, in the build folder.
 */
export async function renderOtherFormats(state: BuildState, job: string, selected: Resume): Promise<Outputs> {
  const { formats, workDir, diagnostics } = state;
  const { theme, photo, render, letter } = state.prepared;
  const files: Outputs = {};
  if (formats.has('html'))
    files.html = writeScratchFile(workDir, `${job}.html`, render.html(selected, theme, photo?.asset));
  if (formats.has('txt')) files.txt = writeScratchFile(workDir, `${job}.txt`, render.text(selected));
  if (formats.has('json') && letter)
    addOnce(diagnostics, [{ file: selected.file, severity: 'warning', message: messages.letterNoJson }]);
  else if (formats.has('json'))
    files.json = writeScratchFile(workDir, `${job}.json`, await jsonResume(selected, diagnostics));
  if (formats.has('docx')) files.docx = await writeWordDocument(state, job, selected);
  return files;
}

/**
 * The Word document, a resume's or a letter's (its renderer loaded when a build asks for one);
 * a photo it cannot show is reported once.
 */
export async function writeWordDocument(state: BuildState, job: string, resume: Resume): Promise<string> {
  const { theme, photo, letter, engine } = state.prepared;
  const { renderDocx, renderLetterDocx, docxPhoto } = await import('../render/docx/index.js');
  const image = photo && docxPhoto(photo.asset.fileName, photo.bytes);
  if (photo && !image) {
    const message = messages.photoNotInDocx(path.basename(resume.person.photo ?? photo.asset.fileName));
    const hint = messages.photoNotInDocxHint;
    addOnce(state.diagnostics, [
      { file: resume.file, line: resume.keyLines.photo, severity: 'warning', message, hint },
    ]);
  }
  const bytes = letter
    ? await renderLetterDocx(buildLetterView(letter, resume, theme, photo?.asset, engine), theme, image)
    : await renderDocx(resume, theme, image);
  return writeScratchFile(state.workDir, `${job}.docx`, bytes);
}

/** The JSON Resume export; what it leaves out is reported once, for the full resume. */
async function jsonResume(resume: Resume, diagnostics: Diagnostic[]): Promise<string> {
  const { resumeToJsonResume } = await import('../jsonresume/index.js');
  const { data, diagnostics: found } = resumeToJsonResume(resume);
  addOnce(diagnostics, found);
  return `${JSON.stringify(data, null, 2)}\n`;
}
