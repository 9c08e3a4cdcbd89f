import { copyFile, link, readdir } from 'node:fs/promises';
import path from 'node:path';
import { makeScratchDir, removeScratchDir } from '../scratch.js';
import { SANDBOX_ENV } from './engine.js';
import { run, type RunResult } from './run.js';

/**
 * An engine started before its document exists, for the next build of a watch
 * session: it has loaded the format and waits. It is started on a file name
 * that does not exist, so the engine asks for another one on its terminal;
 * that answer (`NAME.tex`) is what starts the run, and the save does not wait
 * for the engine to start.
 */
export interface Standby {
  format: string;
  jobname: string;
  /** Where the engine runs, and so where its PDF and log are written. */
  dir: string;
  /** Brings the build's files over and starts the run. */
  go(workDir: string): Promise<RunResult>;
  /** Lets the engine go without a document, and removes its folder. */
  cancel(): Promise<void>;
}

export async function startStandby(options: { engine: string; format: string; jobname: string; timeout: number }): Promise<Standby> {
  const { engine, format, jobname, timeout } = options;
  const dir = await makeScratchDir();
  let answer!: (text: string) => void;
  const input = new Promise<string>((resolve) => (answer = resolve));
  // Scroll mode, because only a mode above nonstop asks the terminal for a missing file.
  const args = ['-interaction=scrollmode', '-halt-on-error', '-file-line-error', '-no-shell-escape', `-fmt=${format}`, `-jobname=${jobname}`, 'mdcv-standby-start'];
  const result = run(engine, args, { cwd: dir, env: SANDBOX_ENV, timeout, input });
  return {
    format,
    jobname,
    dir,
    async go(workDir) {
      for (const file of await readdir(workDir)) {
        await link(path.join(workDir, file), path.join(dir, file)).catch(() => copyFile(path.join(workDir, file), path.join(dir, file)));
      }
      answer(`${jobname}.tex\n`);
      return result;
    },
    async cancel() {
      // End of input at its prompt ends the engine.
      answer('');
      await result;
      await removeScratchDir(dir);
    },
  };
}
