import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../cache.js';
import { sha256Of } from '../files.js';
import { PACKAGE_ROOT } from '../package.js';
import { HandlebarsRuntime, type TemplateEnvironment } from './environment.js';

/**
 * Compiled templates kept on disk, so that a fresh process renders without
 * running Handlebars' parser and compiler, or even loading them. A file holds
 * one template's precompiled spec, keyed by everything that decides its code,
 * under a hash of the spec: one that is not whole, or does not evaluate to a
 * spec, is compiled again and rewritten, never used.
 */

/** Bumped when precompile.ts changes the code it makes (its compiler or its options). */
const COMPILER_STAMP = 'mdcv-compiler-1';
/** A spec is a few KB, a theme has some twenty: keep the most recently written few hundred. */
const KEEP = 256;

export interface TemplateSource {
  file: string;
  source: string;
  /** The output language, by extension: a spec is made for one. */
  language: 'tex' | 'html';
}

/**
 * The built-in themes' templates ship compiled, as the code ships bundled
 * (`scripts/bundle.mjs` writes them): a first build, or one without a cache,
 * runs no template compiler for them. Found by the same key as in the cache,
 * so a template edited since is simply compiled.
 */
export const SHIPPED_SPECS_DIR = path.join(PACKAGE_ROOT, 'dist', 'templates');

export interface SpecSources {
  /** Where compiled templates are kept for the next process; `false`: compile in memory only. */
  cacheDir: string | false;
  /** Use the specs the package ships (default true; `false` compiles every template from its source). */
  shipped?: boolean;
}

/** The template of `env` for this source: from a good spec, shipped or in the cache, else compiled (and the spec kept in the cache). */
export async function cachedTemplate(env: TemplateEnvironment, template: TemplateSource, { cacheDir, shipped = true }: SpecSources): Promise<HandlebarsTemplateDelegate> {
  const name = `${specKey(template)}.js`;
  const file = cacheDir === false ? undefined : path.join(cacheDir, 'templates', name);
  for (const candidate of [shipped ? path.join(SHIPPED_SPECS_DIR, name) : undefined, file]) {
    const spec = candidate === undefined ? undefined : readSpec(candidate);
    if (spec === undefined) continue;
    try {
      return fromSpec(env, spec);
    } catch {
      // Whole, yet not a spec of ours: compile it again.
    }
  }
  const { precompile } = await import('./precompile.js');
  const spec = precompile(template.file, template.source);
  // An unwritable cache is no reason to fail a build: the next one compiles again.
  if (file !== undefined) await writeSpec(file, spec).catch(() => undefined);
  return fromSpec(env, spec);
}

function specKey({ source, language }: TemplateSource): string {
  return sha256Of(`${HandlebarsRuntime.VERSION}\0${COMPILER_STAMP}\0${language}\0${source}`).slice(0, 32);
}

/** A spec file is a line with the hash of the spec, then the spec. */
function readSpec(file: string): string | undefined {
  let text = '';
  try {
    // Synchronous, as the theme's own files are read: a few KB each.
    text = readFileSync(file, 'utf8');
  } catch {
    // No spec yet.
  }
  const newline = text.indexOf('\n');
  const spec = text.slice(newline + 1);
  return newline >= 0 && text.slice(0, newline) === heading(spec) ? spec : undefined;
}

async function writeSpec(file: string, spec: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await atomicWrite(file, `${heading(spec)}\n${spec}`);
  await prune(path.dirname(file));
}

function heading(spec: string): string {
  return `// ${sha256Of(spec)}`;
}

function fromSpec(env: TemplateEnvironment, spec: string): HandlebarsTemplateDelegate {
  const object = new Function(`return ${spec}`)() as { main?: unknown } | null;
  // Handlebars checks the rest (its compiler's revision) itself.
  if (typeof object?.main !== 'function') throw new TypeError('not a template spec');
  return env.template(object as TemplateSpecification);
}

/** Past `KEEP` specs, the oldest written go; one still in use is simply written again. */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.js'));
  if (names.length <= KEEP) return;
  const files = names.map((name) => path.join(dir, name));
  // A file gone meanwhile was pruned by a build in parallel.
  const times = await Promise.all(files.map(async (file) => (await stat(file).catch(() => undefined))?.mtimeMs ?? 0));
  const newestFirst = files.map((file, i) => ({ file, mtimeMs: times[i]! })).sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(newestFirst.slice(KEEP).map(({ file }) => rm(file, { force: true })));
}
