import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseResume } from '../../src/parse/index.js';
import { chooseEngine } from '../../src/model/scripts.js';
import { loadTheme, renderHtml, renderLatex } from '../../src/render/index.js';
import { typesetPdf } from '../../src/typeset/engine.js';

export interface Typeset {
  dir: string;
  pdf: string;
  log: string;
  html: string;
  tex: string;
}

/** Renders and typesets a resume in one theme, keeping the engine log (which `build` does not return). */
export async function typesetIn(file: string, theme: string): Promise<Typeset> {
  const parsed = parseResume(await readFile(file, 'utf8'), file);
  if (!parsed.resume) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  const dir = await mkdtemp(path.join(os.tmpdir(), `mdcv-test-${path.basename(theme)}-`));
  const loaded = await loadTheme(theme, path.dirname(file));
  const photoFile = parsed.resume.person.photo;
  // As a build does: a theme that shows no photo gets none.
  const photo =
    photoFile && loaded.photo
      ? {
          fileName: `photo${path.extname(photoFile)}`,
          dataUri: `data:image/png;base64,${(await readFile(photoFile)).toString('base64')}`,
        }
      : undefined;
  if (photoFile && photo) await copyFile(photoFile, path.join(dir, photo.fileName));
  const tex = renderLatex(parsed.resume, loaded, photo);
  const html = renderHtml(parsed.resume, loaded, photo);
  await writeFile(path.join(dir, 'resume.tex'), tex);
  await writeFile(path.join(dir, 'resume.html'), html);
  // The engine the text needs, as a build picks it (XeLaTeX for scripts pdflatex cannot set).
  const result = await typesetPdf({ dir, jobname: 'resume', engine: chooseEngine(parsed.resume).choice.engine });
  if (!result.ok) throw new Error(`${theme}: ${result.problems.map((p) => p.message).join('\n')}`);
  return { dir, pdf: result.pdf, log: result.log, html, tex };
}
