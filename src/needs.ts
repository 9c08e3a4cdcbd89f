import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './model/diagnostic.js';
import { chooseEngine, type EngineChoice } from './model/scripts.js';
import { parseResume } from './parse/index.js';
import { isLetter } from './parse/letter.js';
import { loadTheme, renderLatex, ThemeError } from './render/index.js';
import { requirementsOf, type Requirement } from './typeset/requirements.js';

export interface Needs {
  /** Absent when the resume cannot be read or parsed; the requirements are then pdflatex's. */
  choice?: EngineChoice;
  requirements: Requirement[];
  diagnostics: Diagnostic[];
}

/**
 * What typesetting a resume needs installed: the engine its text calls for and
 * the fonts its theme loads on that engine. Renders the LaTeX but runs nothing.
 */
export async function resumeNeeds(file: string, options: { theme?: string } = {}): Promise<Needs> {
  const basic: Needs = { requirements: requirementsOf('pdflatex', ''), diagnostics: [] };
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return { ...basic, diagnostics: [{ file, severity: 'error', message: `cannot read the file: ${(error as Error).message}` }] };
  }
  if (isLetter(source)) return letterNeeds(file, options, basic);
  const parsed = parseResume(source, file);
  if (!parsed.resume) return { ...basic, diagnostics: parsed.diagnostics };
  const resume = parsed.resume;
  const { choice, diagnostics } = chooseEngine(resume);
  try {
    const theme = await loadTheme(options.theme ?? resume.settings.theme, path.dirname(path.resolve(file)));
    return { choice, requirements: requirementsOf(choice.engine, renderLatex(resume, theme, undefined, choice)), diagnostics: [...parsed.diagnostics, ...diagnostics] };
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    const problem: Diagnostic = { file: error.file, line: error.line, severity: 'error', message: error.message };
    return { choice, requirements: requirementsOf(choice.engine, ''), diagnostics: [...parsed.diagnostics, ...diagnostics, problem] };
  }
}

/** A cover letter needs what its text and its resume's header call for, in its resume's theme. */
async function letterNeeds(file: string, options: { theme?: string }, basic: Needs): Promise<Needs> {
  const { prepareBuild } = await import('./build.js');
  const { prepared, diagnostics } = await prepareBuild({ file, theme: options.theme });
  if (!prepared) return { ...basic, diagnostics };
  const { engine, render, resume, theme } = prepared;
  const requirements = requirementsOf(engine.engine, render.latex(resume, theme, undefined, engine));
  return { choice: engine, requirements, diagnostics };
}
