import type { Outputs } from '../model/build.js';
import { selectTags } from '../model/select.js';
import { ThemeError } from '../render/index.js';
import { latexSource, renderOtherFormats, writeWordDocument } from './render.js';
import { engineJobname, type Selection } from './selections.js';
import type { BuildState } from './state.js';
import { finishTypesetting, startTypesetting, type Typesetting } from './typeset.js';

/**
 * One selection's outputs, made in the build folder: its LaTeX first, typeset
 * while the HTML, text and JSON are rendered. Undefined when it failed (why is
 * in the diagnostics).
 */
export async function buildSelection(
  state: BuildState,
  selection: Selection,
  index: number,
): Promise<Outputs | undefined> {
  const job = engineJobname(index);
  const { resume } = state.prepared;
  const selected = selection.tags ? selectTags(resume, selection.tags) : resume;
  const latex = latexSource(state, job, selected);
  const files: Outputs = {};
  let typesetting: Promise<Typesetting> | undefined;
  try {
    if (state.typeset || state.formats.has('tex')) files.tex = latex.write();
    if (state.typeset) {
      const started = startTypesetting(state, job, selected, latex);
      typesetting = started.running;
      await Promise.race([started.handedOver, typesetting]);
    }
    Object.assign(files, await renderOtherFormats(state, job, selected));
  } catch (error) {
    // Not before the engine is done with the folder.
    await typesetting?.catch(() => undefined);
    if (!(error instanceof ThemeError)) throw error;
    state.diagnostics.push(error.toDiagnostic());
    return undefined;
  }
  state.progress('render', selection.variant);
  if (!typesetting) return files;
  const typeset = await finishTypesetting(state, await typesetting, latex, selection.name);
  if (!typeset) return undefined;
  const fitted = state.fitted.find((fit) => fit.name === selection.name);
  if (fitted && files.docx) {
    // The Word document takes the PDF's tighter settings, to keep to its pages as near as Word's layout allows.
    const { spacing, margin, fontSize } = fitted;
    await writeWordDocument(state, job, { ...selected, settings: { ...selected.settings, spacing, margin, fontSize } });
  }
  if (typeset.pdf) state.progress('typeset', selection.variant);
  return { ...files, ...typeset };
}
