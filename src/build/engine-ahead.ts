import type { BuildOptions } from '../model/build.js';
import type { EngineRecord } from '../stamp.js';
import { DEFAULT_ENGINE } from '../typeset/engine.js';
import { startStandby, type Standby } from '../typeset/standby.js';
import { engineJobname } from './selections.js';

/** The engine a build started before parsing, for its first engine run. */
export interface EngineAhead {
  /** The engine, to the first run that asks (later ones get none); that run stops it if it cannot use it. */
  take(): Promise<Standby | undefined> | undefined;
  /** Stops it, when no run took it. */
  cancel(): Promise<void>;
}

/**
 * Starts the engine this build will most likely run, in its folder, before
 * anything is parsed, so it loads its format while the Markdown is parsed and
 * rendered: the one the last build of these outputs ran, on the same
 * precompiled preamble; without a cache, the default engine on its own
 * format. A wrong guess is stopped unused. None for a watch session, which
 * keeps its own waiting, or when asked not to.
 */
export function startEngineAhead(options: BuildOptions, last: EngineRecord | undefined, dir: string): EngineAhead {
  const jobname = engineJobname(0);
  let standby: Promise<Standby | undefined> | undefined;
  if (options.keepWarm || options.engineAhead === false) standby = undefined;
  else if (options.cache === false) standby = startStandby({ engine: DEFAULT_ENGINE, jobname, dir });
  // A first build makes its format first: nothing to start ahead.
  else if (last) standby = startStandby({ ...last, jobname, dir });
  const take = (): Promise<Standby | undefined> | undefined => {
    const taken = standby;
    standby = undefined;
    return taken;
  };
  return {
    take,
    async cancel() {
      await (await take()?.catch(() => undefined))?.cancel();
    },
  };
}
