import type { BuildOptions } from '../model/build.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { outputName } from '../model/outputs.js';
import type { Resume } from '../model/resume.js';
import { tagsIn } from '../model/select.js';

/** One set of outputs a build makes, written as NAME[-variant].* */
export interface Selection {
  name: string;
  variant?: string;
  /** Only what is untagged or carries one of these; the whole resume without. */
  tags?: readonly string[];
}

/**
 * The whole resume and each of its `variants:`, or, with --tag, only that
 * selection. A tag that selects nothing is a warning.
 */
export function selectionsOf(
  options: BuildOptions,
  resume: Resume,
  name: string,
  diagnostics: Diagnostic[],
): Selection[] {
  const selections: Selection[] = options.tags
    ? [{ name: outputName(options.file, options.tags), tags: options.tags }]
    : [
        { name },
        ...Object.entries(resume.settings.variants ?? {}).map(([variant, tags]) => ({
          name: `${name}-${variant}`,
          variant,
          tags,
        })),
      ];
  const used = tagsIn(resume);
  for (const tag of new Set(selections.flatMap((s) => s.tags ?? []))) {
    if (!used.has(tag))
      diagnostics.push({
        file: options.file,
        line: options.tags ? undefined : resume.keyLines.variants,
        severity: 'warning',
        message: messages.tagUnused(tag),
      });
  }
  return selections;
}

/**
 * The name of a selection's files in the build folder, which the engine is given: one mdcv
 * chose, never the resume's file name (`\input{x}.md` would be TeX, `-jobname=x.md` an option).
 * The outputs take the resume's name as they are published.
 */
export function engineJobname(index: number): string {
  return index === 0 ? 'resume' : `resume-${index + 1}`;
}
