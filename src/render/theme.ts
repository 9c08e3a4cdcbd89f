import path from 'node:path';
import { fileStates } from '../files/walk.js';
import { isInside } from '../files/read.js';
import { messages } from '../model/messages.js';
import { mergeDocxLayers, type DocxTheme } from './docx/theme-data.js';
import { createEnvironment, type OutputLanguage } from './environment.js';
import { htmlLanguage } from './html/language.js';
import { latexLanguage } from './latex/language.js';
import { cachedTemplate, type SpecSources } from './template-cache.js';
import { readThemeData, themeChain, type ThemeData } from './theme-chain.js';
import { NoTheme, ThemeError } from './theme-error.js';
import {
  BUILTIN_THEMES_DIR,
  layered,
  MACHINERY,
  realIfThere,
  rootsOf,
  SHARED_DIR,
  themeFiles,
  themeText,
  walked,
} from './theme-files.js';

export { BUILTIN_THEMES_DIR } from './theme-files.js';
export { listThemes, themeDir } from './theme-chain.js';

export type Template = (view: object) => string;

export interface Theme {
  name: string;
  description: string;
  dir: string;
  /** Every folder it is read from, most basic first: the themes it extends, then its own. */
  dirs: string[];
  /** Default settings (font, sizes, colours...) from `theme.yaml`, over those of the theme it extends. */
  defaults: Record<string, unknown>;
  /** Whether it shows the person's photo (`photo: false` in `theme.yaml` says it does not). */
  photo: boolean;
  /** Whether each contact gets an icon (`icons: true` in `theme.yaml`). */
  icons: boolean;
  /** Whether it is all mdcv's own (each folder it is read from a built-in theme's): no TeX but mdcv's. */
  builtIn: boolean;
  latex: Template;
  html: Template;
  /** A cover letter's templates (`letter.tex.hbs`, `letter.html.hbs`: the theme's, else the shared ones). */
  letter: { latex: Template; html: Template };
  /** mdcv's layout machinery (templates/_shared/mdcv.tex), for the preamble before the theme's macros. */
  machinery: string;
  /** Raw TeX layout macros, placed in the preamble: the base theme's, then this theme's. */
  macros: string;
  /** The base theme's stylesheet, then this theme's. */
  css: string;
  /** The Word document's look (`docx:` in theme.yaml), over the base theme's. */
  docx: DocxTheme;
}

export { NoTheme, ThemeError };

/**
 * Themes loaded by this process, by folder, with the state of their files: a watch session compiles a template once.
 */
const loaded = new Map<string, { files: string; theme: Promise<Theme> }>();

export interface LoadThemeOptions {
  /**
   * Keep the compiled templates in `<cacheDir>/templates/`, for the next process; `false` or none compiles them in
   * memory only.
   */
  cacheDir?: string | false;
  /** Use the compiled templates the package ships for its built-in themes (default true). */
  shipped?: boolean;
}

export async function loadTheme(nameOrPath: string, baseDir: string, options: LoadThemeOptions = {}): Promise<Theme> {
  const chain = await themeChain(nameOrPath, baseDir);
  const dirs = chain.map((t) => t.dir);
  const files = walked(dirs.at(-1)!, () => fileStates([SHARED_DIR, BUILTIN_THEMES_DIR, ...dirs]))
    .map((f) => `${f.file}:${f.size}:${f.mtimeMs}`)
    .join('\n');
  // The macros' file markers are relative to the resume's folder: a theme is kept per folder it serves.
  const key = `${baseDir}\0${dirs.join('\0')}`;
  const known = loaded.get(key);
  if (known?.files === files) return known.theme;
  const theme = readTheme(chain, baseDir, { cacheDir: options.cacheDir ?? false, shipped: options.shipped });
  loaded.set(key, { files, theme });
  theme.catch(() => loaded.delete(key));
  return theme;
}

/** Reads are synchronous (see files/read.ts). */
async function readTheme(chain: readonly ThemeData[], baseDir: string, specs: SpecSources): Promise<Theme> {
  const marker = (file: string): string => `%mdcv file ${path.relative(baseDir, file).split(path.sep).join('/')}\n`;
  const own = chain.at(-1)!;
  const files = themeFiles(chain);
  // Headed by a marker naming its file, so a TeX error in it can be placed there.
  const machinery = `${marker(MACHINERY)}${themeText(MACHINERY, [SHARED_DIR]) ?? ''}`;
  const [latex, html] = await allInOrder([
    compileTemplates(chain, files, 'tex', latexLanguage, specs),
    compileTemplates(chain, files, 'html', htmlLanguage, specs),
  ]);
  return {
    name: path.basename(own.dir),
    dir: own.dir,
    dirs: chain.map((t) => t.dir),
    description: own.description,
    defaults: Object.assign({}, ...chain.map((t) => t.defaults)) as Record<string, unknown>,
    photo: chain.reduce<boolean>((shown, t) => t.photo ?? shown, true),
    icons: chain.reduce<boolean>((shown, t) => t.icons ?? shown, false),
    builtIn: chain.every((t) => isInside(realIfThere(t.dir) ?? t.dir, BUILTIN_THEMES_DIR)),
    latex: withMachinery(latex.resume, files.get('resume.tex.hbs')!, machinery),
    html: html.resume,
    letter: { latex: withMachinery(latex.letter, files.get('letter.tex.hbs')!, machinery), html: html.letter },
    machinery,
    macros: layered(chain, 'macros.tex', marker),
    css: layered(chain, 'style.css'),
    // Over classic's Word look, which sets every key: a theme that extends no built-in one gets a whole look too.
    docx: mergeDocxLayers([classicDocx(chain), ...chain.map((t) => t.docx)], path.join(own.dir, 'theme.yaml')),
  };
}

/** classic's Word look: from the chain when the theme is or extends classic (most do), read only otherwise. */
function classicDocx(chain: readonly ThemeData[]): ThemeData['docx'] {
  const classic = path.join(BUILTIN_THEMES_DIR, 'classic');
  return (chain.find((t) => t.dir === classic) ?? readThemeData(classic)).docx;
}

/**
 * A LaTeX template whose output carries mdcv's machinery, which the PDF's (Cont.) marks, the fit and ActualText rely
 * on: one older than the shared preamble writes its own and leaves it out, a ThemeError naming the template.
 */
function withMachinery(template: Template, file: string, machinery: string): Template {
  return (view) => {
    const tex = template(view);
    if (!tex.includes(machinery))
      throw new ThemeError(messages.themeNoMachinery, file, undefined, messages.themeNoMachineryHint);
    return tex;
  };
}

/** The documents a theme has a template for, each `<name>.<ext>.hbs`. */
const DOCUMENTS = ['resume', 'letter'] as const;
/** Deeper than any resume's blocks go (nesting stops at 32 levels), far short of the stack's end. */
const MAX_PARTIAL_DEPTH = 200;

/**
 * Compiles `resume.<ext>.hbs` and `letter.<ext>.hbs` with every
 * `partials/*.<ext>.hbs` registered by its base name, all up front, so a
 * mistake names its file and line.
 */
async function compileTemplates(
  chain: readonly ThemeData[],
  files: ReadonlyMap<string, string>,
  ext: 'tex' | 'html',
  language: OutputLanguage,
  specs: SpecSources,
): Promise<Record<(typeof DOCUMENTS)[number], Template>> {
  const env = createEnvironment(language);
  const depth = { now: 0 };
  const suffix = `.${ext}.hbs`;
  const mains = DOCUMENTS.map((name) => {
    const main = files.get(`${name}${suffix}`);
    if (!main)
      throw new ThemeError(`the theme has no ${name}${suffix}`, path.join(chain.at(-1)!.dir, `${name}${suffix}`));
    return main;
  });
  const partials = [...files].filter(
    ([relative]) => relative.endsWith(suffix) && path.dirname(relative) === 'partials',
  );
  const compiled = await allInOrder(
    [...mains, ...partials.map(([, file]) => file)].map(async (file) => {
      const source = themeText(file, rootsOf(chain)) ?? '';
      return cachedTemplate(env, { file, source, language: ext }, specs);
    }),
  );
  // Registered compiled: the runtime alone cannot compile a partial given as text.
  partials.forEach(([relative, file], i) =>
    env.registerPartial(path.basename(relative, suffix), located(compiled[mains.length + i]!, file, suffix, depth)),
  );
  const templates = mains.map((main, i) => located(compiled[i]!, main, suffix, depth));
  return { resume: templates[0]!, letter: templates[1]! };
}

/**
 * The template, its failures named after it: the innermost template or partial that failed is the one to look at.
 * Partials that include each other without end are stopped well before the stack runs out (where the error would
 * be whatever the JavaScript running then threw).
 */
function located(
  template: HandlebarsTemplateDelegate,
  file: string,
  suffix: string,
  depth: { now: number },
): HandlebarsTemplateDelegate {
  return (context, options) => {
    if (depth.now >= MAX_PARTIAL_DEPTH)
      throw new ThemeError(
        'template error: partials include each other without end (here, or in one this includes)',
        file,
      );
    depth.now++;
    try {
      return template(context, options);
    } catch (error) {
      throw error instanceof ThemeError ? error : runtimeError(error as Error, file, suffix);
    } finally {
      depth.now--;
    }
  };
}

/**
 * Every value; when some fail, the first one's error in order, not the first to fail: the mistake reported does not
 * change from run to run.
 */
async function allInOrder<T extends readonly unknown[] | []>(
  promises: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  await Promise.allSettled(promises);
  return Promise.all(promises);
}

/** Handlebars names a missing partial but not where it was called from; say which file to look at. */
function runtimeError(error: Error, file: string, suffix: string): ThemeError {
  const partial = /The partial (\S+) could not be found/.exec(error.message)?.[1];
  if (partial)
    return new ThemeError(`template error: no partial \`${partial}\` (expected partials/${partial}${suffix})`, file);
  // The stack runs out in the innermost of the templates that call each other.
  if (error instanceof RangeError && /call stack/.test(error.message))
    return new ThemeError(
      'template error: partials include each other without end (here, or in one this includes)',
      file,
    );
  return new ThemeError(`template error: ${error.message}`, file);
}
