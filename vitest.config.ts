import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Typesetting tests run the real pdflatex; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Caches (preamble formats, stamps, compiled code) stay in the checkout, not in the
    // person's ~/.cache/mdcv; a test that needs an empty one makes its own.
    env: { MDCV_CACHE_DIR: path.resolve('node_modules/.cache/mdcv-tests') },
  },
});
