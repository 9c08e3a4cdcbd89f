import { loadThemeFor, parsedResume, prepareSource } from './build/prepare.js';
import { isLetter } from './parse/letter.js';
import { readSource } from './parse/read.js';
import type { Diagnostic } from './model/diagnostic.js';
import { chooseEngine, type EngineChoice } from './model/scripts.js';
import { renderLatex, ThemeError } from './render/index.js';
import { requirementsOf, type Requirement } from './typeset/requirements.js';

export interface Needs {
  /** Absent when the resume cannot be read or parsed; the requirements are then pdflatex's. */
  choice?: EngineChoice;
  requirements: Requirement[];
  diagnostics: Diagnostic[];
}

/**
 * What typesetting a resume needs installed: the engine its text calls for and
 * the fonts its theme loads on that engine. Reads the resume and theme as a
 * build does; renders the LaTeX but runs nothing.
 */
export async function resumeNeeds(file: string, options: { theme?: string } = {}): Promise<Needs> {
  // Read once, as a build reads it (never waiting on a pipe, never past the limit): a pipe has no second reading.
  const read = await readSource(file);
  if (!read.ok) return { requirements: requirementsOf('pdflatex', ''), diagnostics: [read.diagnostic] };
  if (isLetter(read.source)) return letterNeeds(read.source, file, options);
  const { resume, sourceLines, diagnostics } = await parsedResume(read.source, file);
  if (!resume) return { requirements: requirementsOf('pdflatex', ''), diagnostics };
  const { choice, diagnostics: engineProblems } = chooseEngine(resume);
  diagnostics.push(...engineProblems);
  const theme = await loadThemeFor(resume, options.theme, false, diagnostics, sourceLines);
  let tex = '';
  try {
    if (theme) tex = renderLatex(resume, theme, undefined, choice);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    diagnostics.push(error.toDiagnostic());
  }
  return { choice, requirements: requirementsOf(choice.engine, tex), diagnostics };
}

/** A cover letter needs what its text and its resume's header call for, in its resume's theme. */
async function letterNeeds(source: string, file: string, options: { theme?: string }): Promise<Needs> {
  const { prepared, diagnostics } = await prepareSource(source, { file, theme: options.theme, cache: false });
  if (!prepared) return { requirements: requirementsOf('pdflatex', ''), diagnostics };
  const { engine, render, resume, theme } = prepared;
  const requirements = requirementsOf(engine.engine, render.latex(resume, theme, undefined, engine));
  return { choice: engine, requirements, diagnostics };
}
