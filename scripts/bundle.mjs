#!/usr/bin/env node
// Bundles the CLI for a fast start: dist/bin/main.cjs holds the whole CLI in one CommonJS
// file (so Node resolves no modules, and V8 can cache its compiled code), and dist/bin/mdcv.js
// is the command that runs it through that code cache (src/cli/start.ts). In the bundle, each
// command's modules (the parser, templates, engine, server) are evaluated only when a command
// that runs them imports them: an unchanged build evaluates none of them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Handlebars builds a source map of every template it compiles when the
 * source-map package is there to require; mdcv never reads them, and without it
 * Handlebars joins plain strings, and the templates compile faster.
 */
const withoutTemplateSourceMaps = {
  name: 'without-template-source-maps',
  setup(bundler) {
    bundler.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'mdcv-empty' }));
    bundler.onLoad({ filter: /.*/, namespace: 'mdcv-empty' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/** For an ES module bundle whose CommonJS dependencies call `require`. */
const REQUIRE = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

await Promise.all(['dist/bin', 'dist/templates'].map((dir) => rm(dir, { recursive: true, force: true })));
await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/bin/main.cjs',
    format: 'cjs',
    // The code finds the package's files from where it runs.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['scripts/import-meta-url.mjs'],
    plugins: [withoutTemplateSourceMaps],
  }),
  build({ ...common, entryPoints: ['src/cli/start.ts'], outfile: 'dist/bin/mdcv.js', format: 'esm' }),
  // The thread a long file is parsed in (src/parse/bounded.ts), found beside the bundle.
  build({
    ...common,
    entryPoints: ['src/parse/parse-worker.ts'],
    outfile: 'dist/bin/parse-worker.js',
    format: 'esm',
    banner: { js: REQUIRE },
  }),
]);

// The built-in themes' templates ship compiled (src/render/template-cache.ts finds them in
// dist/templates/): compiled here by the code itself, through a theme cache in a scratch folder.
const PRECOMPILE = 'dist/bin/precompile-themes.mjs';
await build({
  ...common,
  stdin: {
    contents: `import { listThemes, loadTheme } from './src/render/theme.ts';
      for (const { name } of await listThemes()) await loadTheme(name, process.cwd(), { cacheDir: process.argv[2], shipped: false });`,
    resolveDir: '.',
    loader: 'ts',
    sourcefile: 'precompile-themes.ts',
  },
  outfile: PRECOMPILE,
  format: 'esm',
  legalComments: 'none',
  banner: { js: REQUIRE },
  plugins: [withoutTemplateSourceMaps],
});
const scratch = await mkdtemp(path.join(os.tmpdir(), 'mdcv-precompile-'));
try {
  execFileSync('node', [PRECOMPILE, scratch], { stdio: 'inherit' });
  await cp(path.join(scratch, 'templates'), 'dist/templates', { recursive: true });
} finally {
  await Promise.all([rm(scratch, { recursive: true, force: true }), rm(PRECOMPILE, { force: true })]);
}
