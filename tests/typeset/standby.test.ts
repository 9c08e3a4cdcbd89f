import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStandby } from '../../src/typeset/standby.js';
import { pdfText } from '../support/pdf.js';
import { processesIn, programOf } from '../support/processes.js';

/**
 * The programs running in `dir` besides the sandbox's own, once there is one: on a busy machine the engine may take
 * longer to start than any fixed wait (300 ms was once too short).
 */
async function programsIn(dir: string): Promise<(string | undefined)[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const programs = processesIn(dir)
      .map(programOf)
      .filter((program) => program !== 'bwrap');
    if (programs.length > 0 || Date.now() > until) return programs;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const DOCUMENT = '\\documentclass{article}\\begin{document}Written after the engine started.\\end{document}\n';

describe('an engine started ahead of its document', () => {
  it('waits in the build folder, then typesets the document written there since', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-standby-'));
    const standby = await startStandby({ engine: 'pdflatex', jobname: 'resume', dir });
    // One engine (in bubblewrap's sandbox, where it runs, beside the sandbox's own processes).
    expect(await programsIn(dir)).toEqual(['pdflatex']);
    writeFileSync(path.join(dir, 'resume.tex'), DOCUMENT);
    const run = await standby.go(dir, 30_000);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(pdfText(path.join(dir, 'resume.pdf'))).toContain('Written after the engine started.');
  });

  it('brings the document over from another folder when it runs in its own', async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-standby-work-'));
    writeFileSync(path.join(workDir, 'resume.tex'), DOCUMENT);
    const standby = await startStandby({ engine: 'pdflatex', jobname: 'resume' });
    expect((await standby.go(workDir, 30_000)).exitCode).toBe(0);
    expect(pdfText(path.join(standby.dir, 'resume.pdf'))).toContain('Written after the engine started.');
    await standby.cancel();
    expect(existsSync(standby.dir)).toBe(false);
  });

  it('once cancelled, is gone and has written nothing where the real run comes next', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-standby-'));
    const standby = await startStandby({ engine: 'pdflatex', jobname: 'resume', dir });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await standby.cancel();
    expect(processesIn(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
