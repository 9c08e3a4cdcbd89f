import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Run last, one at a time: files that hold a run to a wall-clock bound (an engine stopped at its timeout, a build
// interrupted mid-typeset), so that the suite's own other worker does not stretch the time they measure; and the
// bundle's, which bundles the CLI again in place (dist/bin is gone for a moment under the other files' CLI runs).
const ALONE = [
  'tests/typeset/cached.test.ts',
  'tests/typeset/engine.test.ts',
  'tests/build.atomic.test.ts',
  'tests/cli/bundle.test.ts',
];

export default defineConfig({
  test: {
    // Typesetting tests run the real pdflatex; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/support/temp-root.ts'],
    // Caches (preamble formats, stamps, compiled code) stay in the checkout, not in the
    // person's ~/.cache/mdcv; a test that needs an empty one makes its own.
    // Empty, NODE_EXTRA_CA_CERTS (set on some machines for a proxy) is not read: Node reads its certificates at
    // every start, ~90 ms of each of the suite's hundreds of CLI runs, and mdcv opens no TLS connection. The local
    // registry's way out to the usual one does: it gets them back (MDCV_TEST_CA_CERTS).
    env: {
      MDCV_CACHE_DIR: path.resolve('node_modules/.cache/mdcv-tests'),
      NODE_EXTRA_CA_CERTS: '',
      MDCV_TEST_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
    },
    projects: [
      {
        extends: true,
        // Two files at a time: most of a test's time is a child (pdflatex, chromium, node) the other file's
        // test overlaps with.
        test: { name: 'files', include: ['tests/**/*.test.ts'], exclude: ALONE, maxWorkers: 2 },
      },
      { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
