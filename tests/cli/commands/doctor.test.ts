import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { CLI, mdcv, tempDir } from '../../support/cli.js';

/** `mdcv doctor`, run as a person runs it (the built CLI), against this machine's real TeX and fonts. */
const FIXTURES = path.resolve('tests/fixtures/scripts');
const doctor = (...args: string[]) => mdcv(['doctor', ...args]);

const tmp = tempDir('doctor');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A theme that extends classic and sets text beyond Latin in a font no machine has. */
function themeWithMissingFont(): string {
  const dir = path.join(tmp, 'no-font-theme');
  mkdirSync(path.join(dir, 'partials'), { recursive: true });
  writeFileSync(path.join(dir, 'theme.yaml'), 'description: a font nobody has\nextends: classic\n');
  writeFileSync(
    path.join(dir, 'partials/fonts.tex.hbs'),
    '{{#if engine.xetex}}\\usepackage{fontspec}\n\\setmainfont{Nonexistent Serif}\n{{else}}\\usepackage[T1]{fontenc}\n{{/if}}\n',
  );
  return dir;
}

describe('mdcv doctor --needs (what make installs)', () => {
  it('asks only for pdflatex for a Latin resume', async () => {
    const run = await doctor('--needs', path.join(FIXTURES, 'german.md'));
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'pdflatex\ttexlive-latex-base texlive-latex-recommended texlive-fonts-recommended',
      // The engine's sandbox, on Linux (see src/typeset/sandbox.ts).
      ...(process.platform === 'linux' ? ['bwrap\tbubblewrap'] : []),
    ]);
  });

  it('asks for xelatex and the fonts the theme loads for the scripts written', async () => {
    const run = await doctor('--needs', path.join(FIXTURES, 'russian.md'), path.join(FIXTURES, 'chinese.md'));
    expect(run.stdout.split('\n')).toEqual([
      'xelatex\ttexlive-xetex',
      ...(process.platform === 'linux' ? ['bwrap\tbubblewrap'] : []),
      'font:Noto Serif\tfonts-noto-core',
      'font:Noto Sans Mono\tfonts-noto-mono',
      'font:Noto Sans Mono CJK SC\tfonts-noto-cjk',
      'font:Noto Serif CJK SC\tfonts-noto-cjk',
    ]);
  });

  it('reads a resume from a pipe once: what it needs is what the text written there needs', async () => {
    const russian = path.join(FIXTURES, 'russian.md');
    const run = await execa('bash', ['-c', 'node "$CLI" doctor --needs <(cat "$RESUME")'], {
      env: { CLI, RESUME: russian },
      reject: false,
      stdin: 'ignore',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('xelatex\ttexlive-xetex');
  });

  it('reads a file that never ends (/dev/zero) no further than a build does: pdflatex, the default', async () => {
    const run = await doctor('--needs', '/dev/zero');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'pdflatex\ttexlive-latex-base texlive-latex-recommended texlive-fonts-recommended',
    );
  });
});

describe('mdcv doctor --needs for a cover letter', () => {
  it("asks for what the letter's own text calls for, beside its resume's (a Latin resume, a Russian subject)", async () => {
    const dir = path.join(tmp, 'letter');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'resume.md'), '---\nname: Ada Lovelace\n---\n');
    writeFileSync(
      path.join(dir, 'letter.md'),
      '---\nresume: resume.md\nto: [Charles Babbage]\nsubject: Notes\n---\n\nDear Mr. Babbage,\n',
    );
    const latin = await doctor('--needs', path.join(dir, 'letter.md'));
    expect(latin.exitCode, latin.stderr).toBe(0);
    expect(latin.stdout.split('\n')[0]).toBe(
      'pdflatex\ttexlive-latex-base texlive-latex-recommended texlive-fonts-recommended',
    );
    writeFileSync(
      path.join(dir, 'russian.md'),
      '---\nresume: resume.md\nto: [Charles Babbage]\nsubject: Заявка\n---\n\nDear Mr. Babbage,\n',
    );
    const russian = await doctor('--needs', path.join(dir, 'russian.md'));
    expect(russian.stdout.split('\n')).toEqual(
      expect.arrayContaining(['xelatex\ttexlive-xetex', 'font:Noto Serif\tfonts-noto-core']),
    );
  });
});

describe('mdcv doctor', () => {
  it('reports the engines found with their versions', async () => {
    const run = await doctor();
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/pdflatex: found \(pdfTeX [\d.-]+/);
    expect(run.stdout).toMatch(/xelatex: found \(XeTeX [\d.-]+/);
    if (process.platform === 'linux') expect(run.stdout).toContain('sandbox (bwrap): found');
    expect(run.stdout).toContain('font Noto Serif CJK SC: found');
  });

  it('says which engine and fonts a file needs, and why', async () => {
    const run = await doctor(path.join(FIXTURES, 'chinese.md'));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'needs xelatex: pdflatex cannot set its Han and CJK symbols text (first: `李` on line 2), with Chinese Simplified forms of CJK characters.',
    );
    expect(run.stdout).toContain('font Noto Serif CJK SC: found');
  });

  it('names what is missing and the exact line that installs it', async () => {
    const run = await doctor('--theme', themeWithMissingFont(), path.join(FIXTURES, 'greek.md'));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('font Nonexistent Serif: missing');
    expect(run.stdout).toContain('To get what is missing, install the font Nonexistent Serif');
  });
});

describe('a build that lacks what it needs', () => {
  it('names the missing font', async () => {
    const result = await build({
      file: path.join(FIXTURES, 'greek.md'),
      outDir: path.join(tmp, 'out'),
      theme: themeWithMissingFont(),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'the font Nonexistent Serif is not installed, so no PDF was made',
      }),
    ]);
  });

  it('names the missing engine and its package', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(tmp, 'empty-path');
    try {
      const result = await build({ file: path.join(FIXTURES, 'greek.md'), outDir: path.join(tmp, 'out') });
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: 'xelatex is not installed, so no PDF was made (the HTML and .tex were written)',
          hint: expect.stringContaining('texlive-xetex'),
        }),
      ]);
    } finally {
      process.env.PATH = saved;
    }
  });
});
