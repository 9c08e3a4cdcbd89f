import path from 'node:path';
import { readCacheEntry, writeCacheEntry } from '../cache.js';
import { sha256Of } from '../files/hash.js';
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
const COMPILER_VERSION = 'mdcv-compiler-1';
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

/**
 * The template of `env` for this source: from a good spec, shipped or in the cache, else compiled (and the spec kept in
 * the cache).
 */
export async function cachedTemplate(
  env: TemplateEnvironment,
  template: TemplateSource,
  { cacheDir, shipped = true }: SpecSources,
): Promise<HandlebarsTemplateDelegate> {
  const name = `${specKey(template)}.js`;
  const file = cacheDir === false ? undefined : path.join(cacheDir, 'templates', name);
  for (const candidate of [shipped ? path.join(SHIPPED_SPECS_DIR, name) : undefined, file]) {
    const spec = candidate === undefined ? undefined : readCacheEntry(candidate);
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
  if (file !== undefined) await writeCacheEntry(file, spec, KEEP).catch(() => undefined);
  return fromSpec(env, spec);
}

function specKey({ source, language }: TemplateSource): string {
  return sha256Of(`${HandlebarsRuntime.VERSION}\0${COMPILER_VERSION}\0${language}\0${source}`).slice(0, 32);
}

function fromSpec(env: TemplateEnvironment, spec: string): HandlebarsTemplateDelegate {
  const object = new Function(`return ${spec}`)() as { main?: unknown } | null;
  // Handlebars checks the rest (its compiler's revision) itself.
  if (typeof object?.main !== 'function') throw new TypeError('not a template spec');
  return env.template(object as TemplateSpecification);
}
