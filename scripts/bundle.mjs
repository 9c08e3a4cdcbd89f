#!/usr/bin/env node
// Bundles the CLI for a fast start: dist/bin/mdcv.js is the entry, with the CLI and what
// every run needs (about 65 KB with its chunks); each command's modules (the parser,
// templates, engine, server) sit in chunks beside it, loaded only by a command that runs
// them, and an unchanged build loads none. One big file would make Node parse about 1 MB
// of JavaScript before doing anything.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

/**
 * Handlebars builds a source map of every template it compiles when the
 * source-map package is there to require; mdcv never reads them, and without it
 * Handlebars joins plain strings, and the templates compile faster.
 */
const withoutTemplateSourceMaps = {
  name: 'without-template-source-maps',
  setup(bundler) {
    bundler.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'mdcv-empty' }));
    bundler.onLoad({ filter: /.*/, namespace: 'mdcv-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

// Chunk names change with their content: clear out the last bundle's.
await rm('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: { mdcv: 'src/cli/main.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // CommonJS dependencies (commander, handlebars) call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __mdcvRequire } from 'node:module'; const require = __mdcvRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [withoutTemplateSourceMaps],
});
