import { prepareBuild } from './build/prepare.js';
import type { BuildOptions } from './model/build.js';
import type { Diagnostic } from './model/diagnostic.js';
import { ThemeError } from './render/index.js';

export interface ValidateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Checks a resume (or cover letter) as far as a build goes before the engine runs: the file,
 * its frontmatter and body, the theme and its templates, the photo. Writes no
 * outputs; like a build, it keeps compiled templates and parsed sections in the
 * cache folder unless `cache` is false.
 */
export async function validate(
  options: Pick<BuildOptions, 'file' | 'theme' | 'cache' | 'cacheDir'>,
): Promise<ValidateResult> {
  const { prepared, diagnostics } = await prepareBuild(options);
  if (!prepared) return { ok: false, diagnostics };
  const { resume, theme, photo, render } = prepared;
  try {
    render.latex(resume, theme, photo?.asset);
    render.html(resume, theme, photo?.asset);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    diagnostics.push(error.toDiagnostic());
    return { ok: false, diagnostics };
  }
  return { ok: true, diagnostics };
}
