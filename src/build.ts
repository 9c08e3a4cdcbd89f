import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from './model/diagnostic.js';
import { hasErrors } from './model/diagnostic.js';
import type { Resume } from './model/resume.js';
import { selectTags, tagsIn } from './model/select.js';
import { parseResume } from './parse/index.js';
import { loadTheme, renderHtml, renderLatex, renderText, ThemeError, type PhotoAsset, type Theme } from './render/index.js';
import { typesetPdf } from './typeset/engine.js';
import { firstPageToPng } from './typeset/png.js';
import { engineDiagnostics } from './typeset/diagnostics.js';

export type OutputFormat = 'pdf' | 'html' | 'tex' | 'txt' | 'png';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex', 'txt', 'png'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex'];

/** A finished step of a build and how long it took, for progress reports. */
export interface BuildProgress {
  step: 'parse' | 'render' | 'typeset';
  ms: number;
  /** The variant being built, when it is not the main resume. */
  variant?: string;
}

export interface BuildOptions {
  /** The resume's Markdown file. */
  file: string;
  /** Where the outputs go (default `out/` in the current folder). */
  outDir?: string;
  /** A theme name or folder, over the frontmatter's `theme:`. */
  theme?: string;
  /** Which files to write (default pdf, html and tex). */
  formats?: readonly OutputFormat[];
  /** Keep only what is untagged or carries one of these tags (and build no variants). */
  tags?: readonly string[];
  /** Engine timeout in ms. */
  timeout?: number;
  /** Called as each step finishes; the library never prints. */
  onProgress?: (progress: BuildProgress) => void;
}

export type Outputs = Partial<Record<OutputFormat, string>>;

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The files written, by kind. */
  outputs: Outputs;
  /** The files written for each variant of the frontmatter's `variants:`. */
  variants: Record<string, Outputs>;
}

const PHOTO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.pdf': 'application/pdf' };

/**
 * parse → render → typeset → write. Outputs are built in a private folder
 * and moved into `outDir` only once they are whole, so a failed build keeps
 * the last good files.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const file = options.file;
  const outDir = path.resolve(options.outDir ?? 'out');
  const name = path.basename(file, path.extname(file));
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  const diagnostics: Diagnostic[] = [];
  const fail = (): BuildResult => ({ ok: false, diagnostics, outputs: {}, variants: {} });
  let clock = performance.now();
  const done = (step: BuildProgress['step'], variant?: string): void => {
    const now = performance.now();
    options.onProgress?.({ step, ms: now - clock, ...(variant !== undefined && { variant }) });
    clock = now;
  };

  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    diagnostics.push({ file, severity: 'error', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}` });
    return fail();
  }

  const parsed = parseResume(source, file);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.resume || hasErrors(diagnostics)) return fail();
  const resume = parsed.resume;
  done('parse');

  const theme = await loadThemeFor(resume, options.theme, diagnostics);
  if (!theme) return fail();
  const photo = await readPhoto(resume, name, diagnostics);
  if (hasErrors(diagnostics)) return fail();

  // One selection without --tag and variants, or just the --tag one; each is written as NAME[-variant].*
  const selections: { name: string; variant?: string; tags?: readonly string[] }[] = options.tags
    ? [{ name, tags: options.tags }]
    : [{ name }, ...Object.entries(resume.settings.variants ?? {}).map(([variant, tags]) => ({ name: `${name}-${variant}`, variant, tags }))];
  const used = tagsIn(resume);
  for (const tag of new Set(selections.flatMap((s) => s.tags ?? []))) {
    if (!used.has(tag)) diagnostics.push({ file, line: options.tags ? undefined : resume.keyLines.variants, severity: 'warning', message: `no entry, role or item is tagged \`{.${tag}}\`` });
  }

  const typeset = formats.has('pdf') || formats.has('png');
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'mdcv-'));
  try {
    if (photo) await writeFile(path.join(workDir, photo.asset.fileName), photo.bytes);
    const staged: { name: string; variant?: string; files: Outputs }[] = [];
    for (const selection of selections) {
      const selected = selection.tags ? selectTags(resume, selection.tags) : resume;
      const files: Outputs = {};
      try {
        if (typeset || formats.has('tex')) files.tex = await written(workDir, `${selection.name}.tex`, renderLatex(selected, theme, photo?.asset));
        if (formats.has('html')) files.html = await written(workDir, `${selection.name}.html`, renderHtml(selected, theme, photo?.asset));
        if (formats.has('txt')) files.txt = await written(workDir, `${selection.name}.txt`, renderText(selected));
      } catch (error) {
        if (!(error instanceof ThemeError)) throw error;
        diagnostics.push({ file: error.file, line: error.line, severity: 'error', message: error.message });
        return fail();
      }
      done('render', selection.variant);
      if (typeset) {
        const result = await typesetPdf({ dir: workDir, jobname: selection.name, timeout: options.timeout });
        if (!result.ok) {
          diagnostics.push(...engineDiagnostics(result, resume));
          return fail();
        }
        files.pdf = result.pdf;
        if (formats.has('png')) {
          const png = await firstPageToPng(result.pdf);
          if (!png.ok) {
            diagnostics.push({ file, severity: 'error', message: png.message, hint: png.hint });
            return fail();
          }
          files.png = png.file;
        }
        done('typeset', selection.variant);
      }
      staged.push({ ...selection, files });
    }

    await mkdir(outDir, { recursive: true });
    const result: BuildResult = { ok: true, diagnostics, outputs: {}, variants: {} };
    for (const selection of staged) {
      const outputs: Outputs = {};
      for (const format of OUTPUT_FORMATS) {
        const from = selection.files[format];
        if (from && formats.has(format)) outputs[format] = await publish(from, outDir, `${selection.name}.${format}`);
      }
      if (selection.variant === undefined) result.outputs = outputs;
      else result.variants[selection.variant] = outputs;
    }
    if (photo && formats.has('tex')) await publish(path.join(workDir, photo.asset.fileName), outDir, photo.asset.fileName);
    return result;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function loadThemeFor(resume: Resume, override: string | undefined, diagnostics: Diagnostic[]): Promise<Theme | undefined> {
  const name = override ?? resume.settings.theme;
  try {
    return await loadTheme(name, path.dirname(path.resolve(resume.file)));
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    const fromFrontmatter = override === undefined;
    diagnostics.push(
      fromFrontmatter && error.line === undefined
        ? { file: resume.file, line: resume.keyLines.theme, severity: 'error', message: error.message }
        : { file: error.file, line: error.line, severity: 'error', message: error.message },
    );
    return undefined;
  }
}

async function readPhoto(resume: Resume, name: string, diagnostics: Diagnostic[]): Promise<{ asset: PhotoAsset; bytes: Buffer } | undefined> {
  const photoPath = resume.person.photo;
  if (!photoPath) return undefined;
  const at = { file: resume.file, line: resume.keyLines.photo };
  const ext = path.extname(photoPath).toLowerCase();
  const type = PHOTO_TYPES[ext];
  if (!type) {
    diagnostics.push({ ...at, severity: 'error', message: `photo \`${path.basename(photoPath)}\` must be a png, jpg or pdf file` });
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(photoPath);
  } catch {
    diagnostics.push({ ...at, severity: 'error', message: `photo not found: ${photoPath}` });
    return undefined;
  }
  const fileName = `${name.replace(/[^A-Za-z0-9]+/g, '-')}-photo${ext === '.jpeg' ? '.jpg' : ext}`;
  const dataUri = type === 'application/pdf' ? undefined : `data:${type};base64,${bytes.toString('base64')}`;
  return { asset: { fileName, dataUri }, bytes };
}

async function written(dir: string, fileName: string, content: string): Promise<string> {
  const file = path.join(dir, fileName);
  await writeFile(file, content);
  return file;
}

/** Moves a finished file into place in one step: readers see the old file or the new one, never half of one. */
async function publish(from: string, outDir: string, fileName: string): Promise<string> {
  const target = path.join(outDir, fileName);
  const staging = path.join(outDir, `.${fileName}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  await copyFile(from, staging);
  await rename(staging, target);
  return target;
}
