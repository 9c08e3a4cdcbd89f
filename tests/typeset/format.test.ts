import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { preambleFormat, preambleOf } from '../../src/typeset/format.js';
import { tempDir } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';

const formatsIn = (cacheDir: string): string[] => readdirSync(path.join(cacheDir, 'formats')).filter((f) => f.endsWith('.fmt'));

describe('the precompiled preamble', () => {
  const cacheDir = tempDir('fmt-cache');
  const src = tempDir('fmt-src');
  const file = path.join(src, 'resume.md');
  let cold: string;
  let warm: string;
  beforeAll(async () => {
    cpSync('resume.md', file);
    cpSync('photo.png', path.join(src, 'photo.png'));
    const plain = await build({ file, outDir: path.join(src, 'cold'), cache: false, cacheDir });
    const first = await build({ file, outDir: path.join(src, 'first'), cacheDir });
    const second = await build({ file, outDir: path.join(src, 'warm'), cacheDir });
    for (const result of [plain, first, second]) expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    cold = pdfText(plain.outputs.pdf!);
    warm = pdfText(second.outputs.pdf!);
  });

  it('is made once, and a build from it gives the same PDF text as one without', async () => {
    expect(formatsIn(cacheDir)).toHaveLength(1);
    expect(warm).toContain('Microsoft');
    expect(warm).toBe(cold);
  });

  it('is skipped by the engine up to the marker, and used while its inputs stand', async () => {
    const tex = readFileSync(path.join(src, 'warm', 'resume.tex'), 'utf8');
    expect(preambleOf(tex)).toContain('\\documentclass');
    expect(preambleOf(tex)).not.toContain('\\begin{document}');
    const workDir = tempDir('fmt-work');
    const options = { engine: 'pdflatex', tex, workDir, cacheDir, timeout: 60_000 };
    const format = await preambleFormat(options);
    const fmt = `${format!.path}.fmt`;
    const made = statSync(fmt).mtimeMs;
    expect((await preambleFormat(options))!.path).toBe(format!.path);
    expect(statSync(fmt).mtimeMs).toBe(made);
    // Another preamble (other settings) is another format.
    await preambleFormat({ ...options, tex: tex.replace('letterpaper', 'a4paper') });
    expect(formatsIn(cacheDir)).toHaveLength(2);
  });

  it('is made again when its file is broken, never trusted', async () => {
    const [fmt] = formatsIn(cacheDir).map((f) => path.join(cacheDir, 'formats', f)).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
    writeFileSync(fmt!, 'not a format');
    const result = await build({ file, outDir: path.join(src, 'after-break'), cacheDir });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(pdfText(result.outputs.pdf!)).toBe(cold);
    expect(statSync(fmt!).size).toBeGreaterThan(1_000_000);
  });

  it('that looks sound (same size and time) but fails is left for a plain run, then made again', async () => {
    const [fmt] = formatsIn(cacheDir).map((f) => path.join(cacheDir, 'formats', f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    const { size, atime, mtime } = statSync(fmt!);
    writeFileSync(fmt!, Buffer.alloc(size, 'x'));
    utimesSync(fmt!, atime, mtime);
    for (const outDir of ['disguised', 'remade']) {
      const result = await build({ file, outDir: path.join(src, outDir), cacheDir });
      expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
      expect(pdfText(result.outputs.pdf!)).toBe(cold);
    }
    expect(readFileSync(fmt!).subarray(0, 4).toString()).not.toBe('xxxx');
  });

  it('is not used with `cache: false`, and a document without the marker is typeset whole', async () => {
    const tex = readFileSync(path.join(src, 'warm', 'resume.tex'), 'utf8').replace(/^%%% mdcv:.*$/m, '');
    expect(await preambleFormat({ engine: 'pdflatex', tex, workDir: tempDir('fmt-none'), cacheDir, timeout: 60_000 })).toBeUndefined();
  });
});
