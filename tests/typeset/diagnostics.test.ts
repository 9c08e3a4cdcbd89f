import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { installHint } from '../../src/typeset/install.js';
import { typesetPdf } from '../../src/typeset/engine.js';
import { mdcv, tempDir } from '../support/cli.js';
import { printed } from '../support/diagnostics.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Line 11 holds a character no font of the theme has (so the text goes to XeLaTeX,
 * whose Noto Serif lacks it too): a TeX error that starts in the Markdown.
 */
const SNOWMAN = `---
name: Ada Lovelace
email: ada@example.com
---

## Experience

### Analytical Engine | 1842 - 1843
Notes: Menabrea, Bernoulli

- Wrote the first program ☃ for it.
- Saw that it could go beyond numbers ⚡ and ☃.
`;

describe('a character no font has, and other engine errors, are reported on the Markdown lines they come from', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir('marker');
    file = path.join(dir, 'resume.md');
    writeFileSync(file, SNOWMAN);
  });

  it('names every character no font has, at each line that has it, in one build', async () => {
    const result = await build({ file, outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(false);
    const lines = printed(result.diagnostics).split('\n');
    const hint = '(leave the character out, or use a theme whose fonts have it)';
    expect(lines).toEqual([
      `${file}:11:27: error: no font of the theme has the character ☃ (U+2603) ${hint}`,
      '  - Wrote the first program ☃ for it.',
      `  ${' '.repeat(26)}^`,
      `${file}:12:39: error: no font of the theme has the character ⚡ (U+26A1) ${hint}`,
      '  - Saw that it could go beyond numbers ⚡ and ☃.',
      `  ${' '.repeat(38)}^`,
      `${file}:12:45: error: no font of the theme has the character ☃ (U+2603) ${hint}`,
      '  - Saw that it could go beyond numbers ⚡ and ☃.',
      `  ${' '.repeat(44)}^`,
      '',
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('shows the whole log with --verbose, and only then', async () => {
    const quiet = await mdcv(['build', 'resume.md', '-q'], { cwd: dir });
    const verbose = await mdcv(['build', 'resume.md', '-q', '--verbose'], { cwd: dir });
    expect(quiet.exitCode).toBe(1);
    expect(verbose.exitCode).toBe(1);
    expect(quiet.stderr).toMatch(/^resume\.md:11:27: error: /);
    expect(quiet.stderr).not.toContain('This is XeTeX');
    expect(verbose.stderr).toContain('This is XeTeX');
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(100);
  });

  it('the source markers change nothing on the page', async () => {
    const seed = await build({
      file: path.join(ROOT, 'resume.md'),
      outDir: path.join(dir, 'seed'),
      formats: ['tex', 'pdf'],
    });
    expect(seed.ok).toBe(true);
    const tex = readFileSync(seed.outputs.tex!, 'utf8');
    expect(tex.match(/^%mdcv line \d+$/gm)?.length).toBeGreaterThan(20);
    const bare = path.join(dir, 'bare');
    mkdirSync(bare);
    writeFileSync(path.join(bare, 'resume.tex'), tex.replace(/%mdcv line \d+\n/g, ''));
    copyFileSync(path.join(dir, 'seed/resume-photo.png'), path.join(bare, 'resume-photo.png'));
    const unmarked = await typesetPdf({ dir: bare, jobname: 'resume' });
    expect(unmarked.ok).toBe(true);
    const pages = (pdf: string, prefix: string): Buffer[] => {
      execFileSync('pdftoppm', ['-r', '40', '-png', pdf, prefix]);
      return ['-1.png', '-2.png'].filter((s) => existsSync(prefix + s)).map((s) => readFileSync(prefix + s));
    };
    const marked = pages(seed.outputs.pdf!, path.join(dir, 'marked'));
    expect(marked.length).toBeGreaterThan(0);
    expect(pages(path.join(bare, 'resume.pdf'), path.join(dir, 'unmarked'))).toEqual(marked);
  });

  it('a photo that passes the byte check but cannot be drawn is reported on the `photo:` line', async () => {
    const photoDir = tempDir('photo');
    writeFileSync(path.join(photoDir, 'cut.png'), readFileSync(path.join(ROOT, 'photo.png')).subarray(0, 200));
    writeFileSync(
      path.join(photoDir, 'resume.md'),
      '---\nname: Ada\nphoto: cut.png\n---\n\n## Experience\n\n- Wrote the first program.\n',
    );
    const result = await build({ file: path.join(photoDir, 'resume.md'), outDir: path.join(photoDir, 'out') });
    expect(result.ok).toBe(false);
    expect(printed(result.diagnostics)).toMatch(
      /^\S+resume\.md:3: error: photo `cut\.png` could not be typeset: writepng: .+ \(export it again as png or jpg\)\n$/,
    );
  });
});

describe('a word too long for a line is a warning on its Markdown line', () => {
  const word =
    'com.example.platform.infrastructure.AbstractSingletonProxyFactoryBeanConfigurationImplementationFactoryProviderRegistry';
  const resume = (bullet: string) =>
    `---\nname: Ada Lovelace\n---\n\n## Experience\n\n### Analytical Engine | 1842 - 1843\n\n- ${bullet}\n- Saw that it could go beyond numbers.\n`;

  it('names the line, the word and how far it runs into the margin; the PDF is made all the same', async () => {
    const dir = tempDir('overflow');
    const file = path.join(dir, 'resume.md');
    writeFileSync(file, resume(`Built ${word} in Java.`));
    const result = await build({ file, outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(true);
    expect(existsSync(result.outputs.pdf!)).toBe(true);
    expect(result.diagnostics).toHaveLength(1);
    const [, mm] =
      /^\S+:9:9: warning: a line of the PDF runs (\d+) mm into the right margin: .+\n$/.exec(
        printed(result.diagnostics),
      ) ?? [];
    expect(Number(mm)).toBeGreaterThan(10);
    // Broken up by spaces, the same text fits: no warning.
    writeFileSync(file, resume(`Built ${word.replaceAll('.', '. ')} in Java.`));
    expect((await build({ file, outDir: path.join(dir, 'out') })).diagnostics).toEqual([]);
  });

  it.each(['pdflatex', 'xelatex'])(
    'of 200 000 characters, on %s: a warning, and the PDF with every character',
    async (engine) => {
      const dir = tempDir('overflow-huge');
      const file = path.join(dir, 'resume.md');
      const huge = 'ab'.repeat(100_000);
      writeFileSync(file, resume(`Wrote ${huge} once.`).replace('---\n\n', `engine: ${engine}\n---\n\n`));
      const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['pdf'] });
      expect(printed(result.diagnostics)).toMatch(
        /^\S+:10:9: warning: a line of the PDF runs \d+ mm into the right margin/,
      );
      expect(result.ok).toBe(true);
      // The word runs into the margin a piece at a time (TeX can measure no wider than 5.7 m), and the
      // PDF holds all of it (read from a crop box far wider than the page).
      const text = execFileSync(
        'pdftotext',
        ['-x', '0', '-y', '0', '-W', '100000000', '-H', '100000', result.outputs.pdf!, '-'],
        { encoding: 'utf8' },
      );
      // (Over pages, each of which may start with a running header: its pieces are counted.)
      expect(text.match(/ab/g)).toHaveLength(100_000);
      expect(text).toMatch(/Wrote\s+abab/);
    },
  );

  it('in the header (made from the frontmatter), is placed on the frontmatter line with the word', async () => {
    const dir = tempDir('overflow-header');
    const file = path.join(dir, 'resume.md');
    writeFileSync(
      file,
      resume('Wrote the first program.').replace(
        'name: Ada Lovelace\n',
        `name: Ada Lovelace\nheadline: Engineer at ${word}\n`,
      ),
    );
    const result = await build({ file, outDir: path.join(dir, 'out') });
    expect(result.ok).toBe(true);
    expect(printed(result.diagnostics)).toMatch(
      /^\S+:3:23: warning: a line of the PDF runs \d+ mm into the right margin/,
    );
  });
});

describe('without TeX installed', () => {
  it('the HTML and .tex are still written, and the error says what to install', async () => {
    const dir = tempDir('notex');
    writeFileSync(path.join(dir, 'resume.md'), '---\nname: Ada\n---\n\n## Experience\n\n- Wrote the first program.\n');
    // A PATH with node on it and nothing else: no pdflatex.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = await mdcv(['build', 'resume.md', '-q'], { cwd: dir, env: { PATH: bin } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(
      `resume.md: error: pdflatex is not installed, so no PDF was made (the HTML and .tex were written) (${installHint()})`,
    );
    expect(existsSync(path.join(dir, 'out/resume.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/resume.tex'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/resume.pdf'))).toBe(false);
  });

  it('the install hint fits the system', () => {
    const debian = 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n';
    const mint = 'ID=linuxmint\nID_LIKE="ubuntu debian"\n';
    const packages = 'apt-get install texlive-latex-base texlive-latex-recommended texlive-fonts-recommended';
    expect(installHint('linux', debian)).toMatch(new RegExp(`^install it with: (sudo )?${packages}$`));
    expect(installHint('linux', mint)).toContain(packages);
    expect(installHint('linux', 'ID=fedora\n')).toContain('https://tug.org/texlive/');
    expect(installHint('darwin', '')).toContain('MacTeX');
    expect(installHint('win32', '')).toContain('TeX Live');
  });
});
