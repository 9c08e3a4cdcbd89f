import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdcv, tempDir } from '../../support/cli.js';
import { pdfInfo } from '../../support/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('mdcv themes', () => {
  it('lists the built-in themes, one a line, name first', async () => {
    const run = await mdcv(['themes']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['classic', 'compact', 'modern']);
  });
});

describe("mdcv theme eject, then a theme of one's own", () => {
  let project: string;
  beforeAll(async () => {
    project = tempDir('eject');
    copyFileSync(path.join(ROOT, 'photo.png'), path.join(project, 'photo.png'));
    const eject = await mdcv(['theme', 'eject', 'modern', 'mine'], { cwd: project });
    expect(eject.exitCode, eject.stderr).toBe(0);
  });

  it('copies a whole theme that stands on its own', () => {
    for (const file of [
      'theme.yaml',
      'resume.tex.hbs',
      'resume.html.hbs',
      'macros.tex',
      'style.css',
      'partials/fonts.tex.hbs',
      'partials/entry.tex.hbs',
    ]) {
      expect(existsSync(path.join(project, 'mine', file)), file).toBe(true);
    }
    const yaml = readFileSync(path.join(project, 'mine/theme.yaml'), 'utf8');
    expect(yaml).not.toMatch(/^extends:/m);
    expect(yaml).toMatch(/^ {2}font: helvetica$/m);
  });

  it("leaves mdcv's machinery out: the theme is its look, and keeps getting mdcv's", () => {
    expect(existsSync(path.join(project, 'mine', 'mdcv.tex'))).toBe(false);
    const macros = readFileSync(path.join(project, 'mine/macros.tex'), 'utf8');
    expect(macros).toContain('The modern look');
    expect(macros).not.toContain('mdcv-pages');
    expect(readFileSync(path.join(project, 'mine/partials/preamble.tex.hbs'), 'utf8')).toContain('{{{machinery}}}');
  });

  it('keeps what the theme says of the photo (compact shows none)', async () => {
    expect((await mdcv(['theme', 'eject', 'compact', 'dense'], { cwd: project })).exitCode).toBe(0);
    expect(readFileSync(path.join(project, 'dense/theme.yaml'), 'utf8')).toMatch(/^photo: false$/m);
    expect(readFileSync(path.join(project, 'mine/theme.yaml'), 'utf8')).not.toMatch(/^photo:/m);
  });

  it('never writes into a folder that has files', async () => {
    const again = await mdcv(['theme', 'eject', 'classic', 'mine'], { cwd: project });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/^mine: error: `mine` is not empty; eject into a new folder$/);
  });

  it('builds with `theme: ./mine`, edited', async () => {
    const yaml = path.join(project, 'mine/theme.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/accent: .*/, 'accent: "#8B1E3F"'));
    writeFileSync(
      path.join(project, 'resume.md'),
      readFileSync(path.join(ROOT, 'resume.md'), 'utf8').replace(/^---\n/, '---\ntheme: ./mine\n'),
    );
    const build = await mdcv(['build', '-q'], { cwd: project });
    expect(build.exitCode, build.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'out/resume.tex'), 'utf8')).toContain(
      '\\definecolor{mdcvaccent}{HTML}{8B1E3F}',
    );
    expect(pdfInfo(path.join(project, 'out/resume.pdf')).Pages).toBe('2');
  });

  it("names the macros.tex line a TeX error of one's own theme is on", async () => {
    const macros = path.join(project, 'mine/macros.tex');
    const good = readFileSync(macros, 'utf8');
    writeFileSync(macros, `${good}\\undefinedthing\n`);
    const build = await mdcv(['build', '-q', '--no-cache'], { cwd: project });
    writeFileSync(macros, good);
    expect(build.exitCode).toBe(1);
    expect(build.stderr).toMatch(
      new RegExp(`^mine/macros\\.tex:${good.split('\n').length}: error: LaTeX failed: Undefined control sequence`, 'm'),
    );
  });

  it("names the template file and line when a template of one's own is broken, and keeps the last good PDF", async () => {
    const header = path.join(project, 'mine/partials/header.tex.hbs');
    writeFileSync(header, `${readFileSync(header, 'utf8')}{{#if person.name}}\n`);
    const build = await mdcv(['build'], { cwd: project });
    expect(build.exitCode).toBe(1);
    // Named from the working folder, as the README shows it.
    expect(build.stderr).toMatch(/^mine\/partials\/header\.tex\.hbs:\d+: error: template syntax error/m);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(project, 'out/resume.pdf'))).toBe(true);
  });
});
