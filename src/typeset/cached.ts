import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TIMEOUT } from '../model/build.js';
import { DEFAULT_ENGINE, typesetPdf, type TypesetOptions, type TypesetResult } from './engine.js';
import { deadline } from './run.js';
import { preambleFormat } from './format.js';
import type { Standby, WarmEngine } from './standby.js';

export interface CachedTypesetOptions extends TypesetOptions {
  /** Where precompiled preambles are kept; `false` typesets without any. */
  cacheDir: string | false;
  /** An engine started ahead for this run: used when it holds this engine, format and job, else stopped. */
  standby?: Promise<Standby | undefined>;
  /** Where a watch session keeps an engine started and waiting for its next run. */
  keepWarm?: WarmEngine;
}

/** What a typeset used, for the next build to start its engine ahead on. */
export type CachedTypesetResult = TypesetResult & { format?: string };

/**
 * Typesets from the precompiled preamble when there is one (made on first
 * use). A run that fails from the format is run again without it, and the
 * plain run's result stands: a format is an accelerator, never a cause.
 */
export async function typesetCached(options: CachedTypesetOptions): Promise<CachedTypesetResult> {
  const { cacheDir, keepWarm, standby, ...typeset } = options;
  const engine = typeset.engine ?? DEFAULT_ENGINE;
  // The preamble's run, the document's and any run again share the one timeout.
  const left = deadline(typeset.timeout ?? DEFAULT_TIMEOUT);
  const tex = cacheDir === false ? '' : readFileSync(path.join(typeset.dir, `${typeset.jobname}.tex`), 'utf8');
  const format =
    cacheDir === false
      ? undefined
      : await preambleFormat({ engine, tex, workDir: typeset.dir, cacheDir, timeout: left() });
  // A format made just now is not the one an engine started before could have loaded.
  const wanted = { engine, format: format?.path, jobname: typeset.jobname, stale: format?.fresh === true };
  let result = await fromStandby(standby ?? keepWarm?.take(), wanted, { ...typeset, timeout: left() }, keepWarm);
  // An error in the waiting engine's run says nothing against the format: run again the usual way first.
  // (A run that timed out stands: a second would only wait as long again.)
  if (!result || (!result.ok && result.reason === 'error')) {
    result = await typesetPdf({ ...typeset, format: format?.path, timeout: left() });
  }
  if (keepWarm && format) keepWarm.keep({ engine, format: format.path, jobname: typeset.jobname });
  if (!format || result.ok || result.reason !== 'error') return { ...result, format: format?.path };
  const plain = await typesetPdf({ ...typeset, timeout: left() });
  if (plain.ok) await format.distrust();
  return plain;
}

/** A run by the engine started ahead, when it holds what this run needs; otherwise it is stopped. */
async function fromStandby(
  ahead: Promise<Standby | undefined> | undefined,
  wanted: { engine: string; format?: string; jobname: string; stale: boolean },
  typeset: TypesetOptions,
  warm: WarmEngine | undefined,
): Promise<TypesetResult | undefined> {
  const standby = await ahead?.catch(() => undefined);
  await warm?.usedFolder(undefined);
  if (!standby) return undefined;
  if (
    wanted.stale ||
    standby.engine !== wanted.engine ||
    standby.format !== wanted.format ||
    standby.jobname !== wanted.jobname
  ) {
    await standby.cancel();
    return undefined;
  }
  // A standby of its own folder (a watch session's) holds the PDF until the next run.
  if (standby.dir !== typeset.dir) await warm?.usedFolder(standby.dir);
  const timeout = typeset.timeout ?? DEFAULT_TIMEOUT;
  return typesetPdf({
    ...typeset,
    dir: standby.dir,
    format: wanted.format,
    firstRun: () => standby.go(typeset.dir, timeout),
  });
}
