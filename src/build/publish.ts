import path from 'node:path';
import { makeFolder, publishSet, type Publish } from '../files/write.js';
import type { BuildResult, Outputs } from '../model/build.js';
import { hasErrors } from '../model/diagnostic.js';
import { OUTPUT_FORMATS } from '../model/outputs.js';
import type { Selection } from './selections.js';
import type { BuildState } from './state.js';

/**
 * Moves the selections' files from the build folder into `outDir`, all of
 * them or none (a full disk keeps the last good PDF, HTML and .tex together),
 * and says where each went.
 */
export function publishOutputs(
  state: BuildState,
  outDir: string,
  made: readonly { selection: Selection; files: Outputs }[],
): BuildResult {
  const { formats, workDir, diagnostics, fitted } = state;
  const { photo } = state.prepared;
  const result: BuildResult = { ok: !hasErrors(diagnostics), diagnostics, outputs: {}, variants: {}, fitted };
  const set: Publish[] = [];
  for (const { selection, files } of made) {
    const outputs: Outputs = {};
    for (const format of OUTPUT_FORMATS) {
      const from = files[format];
      if (from && formats.has(format))
        set.push({ from, to: (outputs[format] = path.join(outDir, `${selection.name}.${format}`)) });
    }
    if (selection.variant === undefined) result.outputs = outputs;
    else result.variants[selection.variant] = outputs;
  }
  // The .tex includes the photo by its name: it goes beside it.
  if (photo && formats.has('tex'))
    set.push({ from: path.join(workDir, photo.asset.fileName), to: path.join(outDir, photo.asset.fileName) });
  makeFolder(outDir);
  publishSet(set);
  return result;
}
