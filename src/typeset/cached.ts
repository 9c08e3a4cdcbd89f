import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ENGINE, DEFAULT_TIMEOUT, typesetPdf, type TypesetOptions, type TypesetResult } from './engine.js';
import { preambleFormat } from './format.js';

export interface CachedTypesetOptions extends TypesetOptions {
  /** Where precompiled preambles are kept; `false` typesets without any. */
  cacheDir: string | false;
}

/**
 * Typesets from the precompiled preamble when there is one (made on first
 * use). A run that fails from the format is run again without it, and the
 * plain run's result stands: a format is an accelerator, never a cause.
 */
export async function typesetCached(options: CachedTypesetOptions): Promise<TypesetResult> {
  const { cacheDir, ...typeset } = options;
  if (cacheDir === false) return typesetPdf(typeset);
  const format = await preambleFormat({
    engine: typeset.engine ?? DEFAULT_ENGINE,
    tex: await readFile(path.join(typeset.dir, `${typeset.jobname}.tex`), 'utf8'),
    workDir: typeset.dir,
    cacheDir,
    timeout: typeset.timeout ?? DEFAULT_TIMEOUT,
  });
  if (!format) return typesetPdf(typeset);
  const fast = await typesetPdf({ ...typeset, format: format.path });
  if (fast.ok || fast.reason !== 'error') return fast;
  const plain = await typesetPdf(typeset);
  if (plain.ok) await format.distrust();
  return plain;
}
