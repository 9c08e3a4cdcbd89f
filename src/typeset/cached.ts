import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { removeScratchDir } from '../scratch.js';
import { DEFAULT_ENGINE, DEFAULT_TIMEOUT, typesetPdf, type TypesetOptions, type TypesetResult } from './engine.js';
import { preambleFormat } from './format.js';
import { startStandby, type Standby } from './standby.js';

export interface CachedTypesetOptions extends TypesetOptions {
  /** Where precompiled preambles are kept; `false` typesets without any. */
  cacheDir: string | false;
  /** Keep an engine started and waiting for the next run (a watch session). */
  keepWarm?: boolean;
}

/** The engine waiting for the next run, and the folder of the last one used (its PDF is published after we return). */
let waiting: Promise<Standby> | undefined;
let used: string | undefined;

/**
 * Typesets from the precompiled preamble when there is one (made on first
 * use). A run that fails from the format is run again without it, and the
 * plain run's result stands: a format is an accelerator, never a cause.
 */
export async function typesetCached(options: CachedTypesetOptions): Promise<TypesetResult> {
  const { cacheDir, keepWarm, ...typeset } = options;
  if (cacheDir === false) return typesetPdf(typeset);
  const engine = typeset.engine ?? DEFAULT_ENGINE;
  const timeout = typeset.timeout ?? DEFAULT_TIMEOUT;
  const format = await preambleFormat({
    engine,
    tex: await readFile(path.join(typeset.dir, `${typeset.jobname}.tex`), 'utf8'),
    workDir: typeset.dir,
    cacheDir,
    timeout,
  });
  if (!format) return typesetPdf(typeset);
  let fast = keepWarm ? await fromStandby(typeset, format.path) : undefined;
  if (!fast?.ok) fast = await typesetPdf({ ...typeset, format: format.path });
  if (keepWarm) waiting = startStandby({ engine, format: format.path, jobname: typeset.jobname, timeout });
  if (fast.ok || fast.reason !== 'error') return fast;
  const plain = await typesetPdf(typeset);
  if (plain.ok) await format.distrust();
  return plain;
}

/** A run by the waiting engine, when it holds this format and job; otherwise it is let go. */
async function fromStandby(typeset: TypesetOptions, format: string): Promise<TypesetResult | undefined> {
  const standby = await takeStandby();
  if (used) await removeScratchDir(used);
  used = undefined;
  if (!standby) return undefined;
  if (standby.format !== format || standby.jobname !== typeset.jobname) {
    await standby.cancel();
    return undefined;
  }
  used = standby.dir;
  return typesetPdf({ ...typeset, dir: standby.dir, format, firstRun: () => standby.go(typeset.dir) });
}

async function takeStandby(): Promise<Standby | undefined> {
  const standby = await waiting?.catch(() => undefined);
  waiting = undefined;
  return standby;
}

/** Ends the waiting engine, if any (at the end of a watch session). */
export async function releaseStandby(): Promise<void> {
  await (await takeStandby())?.cancel();
  if (used) await removeScratchDir(used);
  used = undefined;
}
