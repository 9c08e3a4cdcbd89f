import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest's global setup: the run's temporary files (each test's folders, each build's scratch folder) go in a folder
 * of its own, TMPDIR for the workers and every program they start, removed when the run ends. /tmp kept them: some
 * 700 a run, 24 000 after a few days here, which slowed every program that makes a folder there. Each project of the
 * config runs this: the first makes the folder, the others find it.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.MDCV_TESTS_TMP) return undefined;
  const root = mkdtempSync(path.join(os.tmpdir(), 'mdcv-tests-'));
  process.env.MDCV_TESTS_TMP = root;
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
