import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetCached } from '../../src/typeset/cached.js';
import { preambleFormat } from '../../src/typeset/format.js';
import { startStandby, WarmEngine } from '../../src/typeset/standby.js';
import { pdfText } from '../support/pdf.js';
import { processesIn, processesRunning } from '../support/processes.js';

const PREAMBLE = '\\documentclass{article}\n\\usepackage{xcolor}\n';
const document = (words: string) =>
  `${PREAMBLE}%%% mdcv: the preamble above is cached\n\\begin{document}${words}\\end{document}\n`;

describe('typesetting with an engine started ahead', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-cached-cache-'));
  let format: string;
  const workDir = (words: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-cached-'));
    writeFileSync(path.join(dir, 'resume.tex'), document(words));
    return dir;
  };
  beforeAll(async () => {
    const dir = workDir('First.');
    format = (await preambleFormat({
      engine: 'pdflatex',
      tex: document('First.'),
      workDir: dir,
      cacheDir,
      timeout: 60_000,
    }))!.path;
  });

  it('runs in it when it holds the same engine, format and job', async () => {
    const standby = startStandby({ engine: 'pdflatex', format, jobname: 'resume' });
    const result = await typesetCached({
      dir: workDir('Given to the waiting engine.'),
      jobname: 'resume',
      cacheDir,
      standby,
    });
    expect(result).toMatchObject({ ok: true, format });
    expect(result.ok && result.pdf.startsWith((await standby).dir)).toBe(true);
    expect(pdfText(result.ok ? result.pdf : '')).toContain('Given to the waiting engine.');
  });

  it('lets a run by it that times out stand, rather than wait as long again', async () => {
    const standby = startStandby({ engine: 'pdflatex', format, jobname: 'resume' });
    const started = Date.now();
    const result = await typesetCached({
      dir: workDir('\\def\\spin{\\spin}\\spin'),
      jobname: 'resume',
      cacheDir,
      standby,
      timeout: 1500,
    });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('runs in it for a job whose name has a space', async () => {
    const dir = workDir('A name with a space.');
    renameSync(path.join(dir, 'resume.tex'), path.join(dir, 'my resume.tex'));
    const standby = startStandby({ engine: 'pdflatex', format, jobname: 'my resume' });
    const result = await typesetCached({ dir, jobname: 'my resume', cacheDir, standby });
    expect(result.ok && result.pdf).toBe(path.join((await standby).dir, 'my resume.pdf'));
    expect(pdfText(result.ok ? result.pdf : '')).toContain('A name with a space.');
  });

  it.each([
    ['another job', { engine: 'pdflatex', jobname: 'other' }],
    ['no format', { engine: 'pdflatex', jobname: 'resume', format: undefined }],
    ['another engine', { engine: 'xelatex', jobname: 'resume' }],
  ] as const)('stops one that holds %s, and typesets without it', async (_, held) => {
    const standby = startStandby({ format, ...held });
    const dir = workDir('Typeset the usual way.');
    const result = await typesetCached({ dir, jobname: 'resume', cacheDir, standby });
    expect(result.ok && result.pdf).toBe(path.join(dir, 'resume.pdf'));
    expect(pdfText(path.join(dir, 'resume.pdf'))).toContain('Typeset the usual way.');
    expect(processesIn((await standby).dir)).toEqual([]);
  });

  it('does not trust one that loaded a format made again since', async () => {
    const standby = startStandby({ engine: 'pdflatex', format, jobname: 'resume' });
    await standby;
    // A format whose record is gone is made again: the waiting engine holds the old one.
    rmSync(`${format}.json`);
    const dir = workDir('After the format was made again.');
    const result = await typesetCached({ dir, jobname: 'resume', cacheDir, standby });
    expect(result.ok && result.pdf).toBe(path.join(dir, 'resume.pdf'));
    expect(pdfText(path.join(dir, 'resume.pdf'))).toContain('After the format was made again.');
  });

  it('keeps an engine waiting on the format for the next run (a watch session), and ends it when released', async () => {
    const warm = new WarmEngine();
    const first = await typesetCached({ dir: workDir('The first save.'), jobname: 'resume', cacheDir, keepWarm: warm });
    expect(first.ok).toBe(true);
    await expect.poll(() => processesRunning('mdcv-standby-start', format).length).toBeGreaterThan(0);
    const dir = workDir('The next save.');
    const next = await typesetCached({ dir, jobname: 'resume', cacheDir, keepWarm: warm });
    // Typeset by the engine that was waiting, in its own folder.
    expect(next.ok && path.dirname(next.pdf)).not.toBe(dir);
    expect(pdfText(next.ok ? next.pdf : '')).toContain('The next save.');
    await warm.release();
    expect(processesRunning('mdcv-standby-start', format)).toEqual([]);
  });
});
