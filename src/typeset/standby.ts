import { copyFile, link, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EngineName } from '../model/scripts.js';
import { makeScratchDir, removeScratchDir } from '../scratch.js';
import type { RunResult } from './run.js';
import { runEngine, type EngineRunOptions } from './sandbox.js';

/**
 * An engine started before its document exists: it loads its format (the
 * precompiled preamble, or the engine's own) while mdcv parses and renders,
 * and waits. It is started on a file name that does not exist, so the engine
 * asks for another one on its terminal; that answer (`"NAME.tex"`) is what
 * starts the run.
 */
export interface Standby {
  engine: EngineName;
  /** The format it loaded (without `.fmt`); undefined for the engine's own. */
  format?: string;
  jobname: string;
  /** Where the engine runs, and so where its PDF and log are written. */
  dir: string;
  /** Brings the build's files over (unless it runs in that folder already) and starts the run. */
  go(workDir: string, timeout: number): Promise<RunResult>;
  /** Stops the engine without a document (and removes its folder, if it made one). */
  cancel(): Promise<void>;
}

export interface StandbyOptions {
  engine: EngineName;
  format?: string;
  jobname: string;
  /** The folder to run in, where the document will be written; by default a new one of its own. */
  dir?: string;
}

export async function startStandby(options: StandbyOptions): Promise<Standby> {
  const { engine, format, jobname } = options;
  const dir = options.dir ?? (await makeScratchDir());
  let answer!: (text: string) => void;
  const stop = new AbortController();
  const input = new Promise<string>((resolve) => (answer = resolve));
  const runOptions: EngineRunOptions = { dir, readable: format ? [`${format}.fmt`] : [], input, signal: stop.signal };
  // Scroll mode, because only a mode above nonstop asks the terminal for a missing file.
  const args = [
    '-interaction=scrollmode',
    '-halt-on-error',
    '-file-line-error',
    '-no-shell-escape',
    ...(format ? [`-fmt=${format}`] : []),
    `-jobname=${jobname}`,
    'mdcv-standby-start',
  ];
  const result = runEngine(engine, args, runOptions);
  return {
    engine,
    format,
    jobname,
    dir,
    async go(workDir, timeout) {
      if (workDir !== dir) {
        for (const file of await readdir(workDir)) {
          await link(path.join(workDir, file), path.join(dir, file)).catch(() =>
            copyFile(path.join(workDir, file), path.join(dir, file)),
          );
        }
      }
      // The timeout is the build's, known when the run starts; it counts from then.
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        stop.abort();
      }, timeout);
      // Quoted: a name with a space is one file name to TeX only so.
      answer(`"${jobname}.tex"\n`);
      const ran = await result;
      clearTimeout(timer);
      return { ...ran, timedOut };
    },
    async cancel() {
      // Killed, not told to stop: it must not write its log into a folder where the real run comes next.
      stop.abort();
      await result;
      // A slow kill may come after TeX opened its log (it does so before asking for the file): that log is not the real
      // run's.
      if (options.dir) await rm(path.join(dir, `${jobname}.log`), { force: true });
      else await removeScratchDir(dir);
    },
  };
}

/**
 * A watch session's engine, started after each run on that run's format and waiting for the
 * next one, and the folder of the last one used (its PDF is published after the run returns).
 */
export class WarmEngine {
  private waiting: Promise<Standby> | undefined;
  private used: string | undefined;

  /** Starts an engine for the next run (ending one still waiting). */
  keep(options: StandbyOptions): void {
    void this.take()
      ?.then((old) => old.cancel())
      .catch(() => undefined);
    this.waiting = startStandby(options);
  }

  /** The waiting engine, now the caller's to run or cancel. */
  take(): Promise<Standby> | undefined {
    const standby = this.waiting;
    this.waiting = undefined;
    return standby;
  }

  /**
   * Removes the last run's folder, and keeps `dir` (where a run on the waiting engine leaves its PDF) until the next.
   */
  async usedFolder(dir: string | undefined): Promise<void> {
    if (this.used) await removeScratchDir(this.used);
    this.used = dir;
  }

  /** Ends the waiting engine, if any, and removes the last folder (at the end of a watch session). */
  async release(): Promise<void> {
    await (await this.take()?.catch(() => undefined))?.cancel();
    await this.usedFolder(undefined);
  }
}
