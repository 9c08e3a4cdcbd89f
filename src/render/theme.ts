import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createEnvironment, type OutputLanguage } from './environment.js';
import { htmlLanguage } from './html/language.js';
import { latexLanguage } from './latex/language.js';

/** The built-in themes ship beside the compiled code (`dist/` and `src/` alike sit one level down). */
export const BUILTIN_THEMES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type Template = (view: object) => string;

export interface Theme {
  name: string;
  description: string;
  dir: string;
  /** Default settings (font, sizes, colours...) from `theme.yaml`. */
  defaults: Record<string, unknown>;
  latex: Template;
  html: Template;
  /** Raw TeX layout macros, placed in the preamble. */
  macros: string;
  css: string;
}

/** A template problem, with the template file and line it comes from. */
export class ThemeError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Resolves `classic` to a built-in theme, and `./path` (or an absolute path) to a folder, relative to `baseDir`. */
export function themeDir(nameOrPath: string, baseDir: string): string {
  const isPath = nameOrPath.startsWith('.') || path.isAbsolute(nameOrPath) || nameOrPath.includes('/');
  return isPath ? path.resolve(baseDir, nameOrPath) : path.join(BUILTIN_THEMES_DIR, nameOrPath);
}

export async function listThemes(): Promise<{ name: string; description: string }[]> {
  const names = (await readdir(BUILTIN_THEMES_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
  const themes = await Promise.all(names.sort().map(async (name) => ({ name, ...(await readThemeData(path.join(BUILTIN_THEMES_DIR, name))) })));
  return themes.map(({ name, description }) => ({ name, description }));
}

export async function loadTheme(nameOrPath: string, baseDir: string): Promise<Theme> {
  const dir = themeDir(nameOrPath, baseDir);
  if (!existsSync(path.join(dir, 'theme.yaml'))) {
    throw new ThemeError(`no theme \`${nameOrPath}\` (no theme.yaml in ${dir})`, path.join(dir, 'theme.yaml'));
  }
  const data = await readThemeData(dir);
  return {
    name: path.basename(dir),
    dir,
    ...data,
    latex: await compileTemplates(dir, 'tex', latexLanguage),
    html: await compileTemplates(dir, 'html', htmlLanguage),
    macros: await readOptional(path.join(dir, 'macros.tex')),
    css: await readOptional(path.join(dir, 'style.css')),
  };
}

async function readThemeData(dir: string): Promise<{ description: string; defaults: Record<string, unknown> }> {
  const file = path.join(dir, 'theme.yaml');
  const data = (parseYaml(await readFile(file, 'utf8')) ?? {}) as { description?: string; defaults?: Record<string, unknown> };
  return { description: data.description ?? '', defaults: data.defaults ?? {} };
}

async function readOptional(file: string): Promise<string> {
  return existsSync(file) ? readFile(file, 'utf8') : '';
}

/** Partials every theme can use (a theme's own partial of the same name wins). */
const SHARED_PARTIALS_DIR = path.join(BUILTIN_THEMES_DIR, '_shared', 'partials');

/**
 * Compiles `resume.<ext>.hbs` with every `partials/*.<ext>.hbs` registered by
 * its base name. Templates are parsed up front so a mistake names its file and line.
 */
async function compileTemplates(dir: string, ext: 'tex' | 'html', language: OutputLanguage): Promise<Template> {
  const env = createEnvironment(language);
  const suffix = `.${ext}.hbs`;
  for (const partialsDir of [SHARED_PARTIALS_DIR, path.join(dir, 'partials')]) {
    const partialFiles = existsSync(partialsDir) ? (await readdir(partialsDir)).filter((f) => f.endsWith(suffix)) : [];
    for (const name of partialFiles) {
      const file = path.join(partialsDir, name);
      env.registerPartial(name.slice(0, -suffix.length), checked(env, file, await readFile(file, 'utf8')));
    }
  }
  const main = path.join(dir, `resume${suffix}`);
  const template = env.compile(checked(env, main, await readFile(main, 'utf8')), { strict: false, preventIndent: true });
  return (view) => {
    try {
      return template(view);
    } catch (error) {
      throw new ThemeError(`template error: ${(error as Error).message}`, main);
    }
  };
}

function checked(env: ReturnType<typeof createEnvironment>, file: string, source: string): string {
  try {
    env.parse(source);
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    const line = /on line (\d+)/.exec(lines[0]!)?.[1];
    // Handlebars says where ("...{{/each}}}") and what it expected, on separate lines.
    const near = lines[1] ? ` near \`${lines[1].replace(/^\.\.\./, '').trim()}\`` : '';
    throw new ThemeError(`template syntax error${near}`, file, line ? Number(line) : undefined);
  }
  return source;
}
