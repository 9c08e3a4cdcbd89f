import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme.js';
import { execa } from 'execa';
import { CLI, mdcv, REPORT_USAGE, tempDir, usageOf } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';
import { processesIn } from '../support/processes.js';

/** A copy of the classic theme whose document starts with `code`: raw TeX as a theme author could write it. */
function themeWith(dir: string, code: string): string {
  const theme = path.join(dir, 'theme');
  cpSync(path.join(BUILTIN_THEMES_DIR, 'classic'), theme, { recursive: true });
  const main = path.join(theme, 'resume.tex.hbs');
  writeFileSync(main, readFileSync(main, 'utf8').replace('\\begin{document}', `\\begin{document}\n${code}\n`));
  return theme;
}

function resumeIn(dir: string, frontmatter: string, body = '## Experience\n\n- Wrote the first program.\n'): string {
  const file = path.join(dir, 'resume.md');
  writeFileSync(file, `---\nname: Ada Lovelace\n${frontmatter}---\n\n${body}`);
  return file;
}

describe('the sandboxed engine', () => {
  it('prints TeX written into a resume instead of running it', async () => {
    const dir = tempDir('sandbox-text');
    const hostile = [
      '\\input{/etc/passwd}',
      '\\immediate\\write18{touch pwned}',
      '^^5cinput{/etc/passwd}',
      '\\catcode`\\^^M=13 \\def\\x{\\x}\\x',
      '\\end{document}',
    ];
    // Backslash-escaped for Markdown, so the text is exactly what is written above.
    const md = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
    const file = resumeIn(dir, '', `## Experience\n\n${hostile.map((h) => `- ${md(h)}`).join('\n')}\n`);
    const result = await build({ file, outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(true);
    const text = pdfText(result.outputs.pdf!).replace(/\s+/g, ' ');
    for (const h of hostile) expect(text).toContain(h.replace(/\s+/g, ' '));
    expect(text).not.toMatch(/root:/);
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  it("keeps a theme's TeX from reading files outside the build or running commands", async () => {
    const dir = tempDir('sandbox-read');
    const theme = themeWith(
      dir,
      [
        '\\newread\\probe \\openin\\probe=/etc/passwd',
        '\\ifeof\\probe OPENIN-REFUSED\\else\\read\\probe to\\line OPENIN-READ:\\detokenize\\expandafter{\\line}\\fi',
        `\\immediate\\write18{touch ${path.join(dir, 'pwned')}}`,
      ].join('\n'),
    );
    const result = await build({ file: resumeIn(dir, `theme: ${theme}\n`), outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(true);
    const text = pdfText(result.outputs.pdf!);
    expect(text).toContain('OPENIN-REFUSED');
    expect(text).not.toContain('root:');
    expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  it.each([
    ['an absolute path', (dir: string) => path.join(dir, 'written.txt')],
    ['a path out of the build folder', () => '../written.txt'],
  ])("keeps a theme's TeX from writing to %s", async (_, target) => {
    const dir = tempDir('sandbox-write');
    const to = target(dir);
    const theme = themeWith(
      dir,
      `\\newwrite\\probe \\immediate\\openout\\probe=${to} \\immediate\\write\\probe{written}\\immediate\\closeout\\probe`,
    );
    const result = await build({ file: resumeIn(dir, `theme: ${theme}\n`), outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toContain("I can't write on file");
    expect(existsSync(path.join(dir, 'written.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it("stops a runaway run at the frontmatter's timeout", async () => {
    const dir = tempDir('runaway-frontmatter');
    const theme = themeWith(dir, '\\def\\spin{\\spin}\\spin');
    const started = Date.now();
    const result = await build({ file: resumeIn(dir, `theme: ${theme}\ntimeout: 1\n`), outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['pdflatex ran longer than 1 s and was stopped']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives the whole build one timeout: a preamble that never ends is not waited for twice', async () => {
    const dir = tempDir('runaway-preamble');
    // In the preamble, so that both the run that makes the precompiled preamble and the run without it spin.
    const theme = path.join(dir, 'theme');
    mkdirSync(theme);
    writeFileSync(path.join(theme, 'theme.yaml'), 'description: spins\nextends: classic\n');
    writeFileSync(path.join(theme, 'macros.tex'), '\\def\\spin{\\spin}\\spin\n');
    const started = performance.now();
    const result = await build({
      file: resumeIn(dir, `theme: ${theme}\ntimeout: 3\n`),
      outDir: path.join(dir, 'out'),
      cacheDir: path.join(dir, 'cache'),
    });
    const took = performance.now() - started;
    expect(result.diagnostics.map((d) => d.message)).toEqual(['pdflatex ran longer than 3 s and was stopped']);
    // 3 s of engine time, and what the build does besides; each run with all 3 s took 6 s and more.
    expect(took).toBeGreaterThan(3000);
    expect(took).toBeLessThan(5000);
  });

  it('stops a runaway run at the timeout and leaves nothing behind', async () => {
    const dir = tempDir('runaway');
    const scratch = path.join(dir, 'tmp');
    mkdirSync(scratch);
    const theme = themeWith(dir, '\\def\\spin{\\spin}\\spin');
    resumeIn(dir, `theme: ${theme}\ntimeout: 30\n`);
    const started = Date.now();
    // --timeout wins over the frontmatter's 30 s.
    const run = await mdcv(['build', 'resume.md', '-q', '--timeout', '1.5'], { cwd: dir, env: { TMPDIR: scratch } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(
      'resume.md: error: pdflatex ran longer than 1.5 s and was stopped (if the resume is just very long, raise `timeout:` in the frontmatter or pass --timeout)',
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    // No engine still running in the build's folder, and the folder is gone.
    expect(processesIn(scratch)).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('stops a run that prints without end long before its timeout, and reads no more of its log than it needs', async () => {
    const dir = tempDir('runaway-loud');
    const scratch = path.join(dir, 'tmp');
    mkdirSync(scratch);
    // On the terminal and in the log, some 30 MB a second: 60 s of it took the CLI past 780 MB, and the log's GBs.
    const theme = themeWith(dir, `\\def\\loud{\\message{${'loud '.repeat(40)}}\\loud}\\loud`);
    resumeIn(dir, `theme: ${theme}\n`);
    const started = Date.now();
    const run = await execa('node', ['--import', REPORT_USAGE, CLI, 'build', 'resume.md', '-q'], {
      cwd: dir,
      env: { TMPDIR: scratch, MDCV_CACHE_DIR: path.join(dir, 'cache') },
      reject: false,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      "resume.md: error: pdflatex printed more than 4 MB and was stopped (a resume makes some 50 KB, so the theme's TeX likely loops; --verbose shows where its log ends)",
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(usageOf(run.stderr).peakMb).toBeLessThan(200);
    expect(processesIn(scratch)).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
