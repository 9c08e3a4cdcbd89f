import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { mdcv, tempDir } from '../../support/cli.js';
import { pdfText } from '../../support/pdf.js';

test('`mdcv build` defaults to resume.md and out/ in the current folder', async () => {
  const dir = tempDir('cli');
  writeFileSync(path.join(dir, 'resume.md'), '# Ada Lovelace\n\n## Work\n\n### Engine | 1843\n- Notes\n');
  const run = await mdcv(['build'], { cwd: dir });
  expect(run.stderr).not.toMatch(/error|warning/);
  expect(run.exitCode).toBe(0);
  for (const ext of ['pdf', 'html', 'tex']) expect(existsSync(path.join(dir, 'out', `resume.${ext}`))).toBe(true);
  expect(pdfText(path.join(dir, 'out/resume.pdf'))).toContain('Ada Lovelace');
});

test('a mistake gets one line naming the file and line, exit 1, and keeps the last good output', async () => {
  const dir = tempDir('cli');
  const file = path.join(dir, 'cv.md');
  writeFileSync(file, '---\nname: Ada\n---\n');
  expect((await mdcv(['build', 'cv.md', '--out', 'build'], { cwd: dir })).exitCode).toBe(0);
  const good = readFileSync(path.join(dir, 'build/cv.pdf'));

  writeFileSync(file, '---\nname: Ada\npaper: a5\n---\n');
  const run = await mdcv(['build', 'cv.md', '--out', 'build'], { cwd: dir });
  expect(run.exitCode).toBe(1);
  const [first] = run.stderr.split('\n');
  expect(first).toMatch(/^cv\.md:3:\d+: error: .*paper/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(path.join(dir, 'build/cv.pdf')).equals(good)).toBe(true);
});

test("the build's timeout bounds reading the Markdown too: a long file stops at it, the last good output kept", async () => {
  const dir = tempDir('cli');
  const file = path.join(dir, 'resume.md');
  writeFileSync(file, '---\nname: Ada\ntimeout: 1\n---\n\nShort.\n');
  expect((await mdcv(['build', '-f', 'txt'], { cwd: dir })).exitCode).toBe(0);
  const good = readFileSync(path.join(dir, 'out/resume.txt'), 'utf8');
  // Some 300 KB of sections: several seconds of parsing on this machine, where the timeout is one.
  const sections = Array.from({ length: 3000 }, (_, i) => `## Topic ${i}\n\nDid **thing** ${i}.\n\n- One *a*\n- Two\n`);
  writeFileSync(file, `---\nname: Ada\ntimeout: 1\n---\n\n${sections.join('\n')}`);
  const started = performance.now();
  const run = await mdcv(['build', '-f', 'txt'], { cwd: dir });
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toMatch(
    /^resume\.md:\d+:1: error: reading the Markdown took longer than the build's timeout \(1 s\)/,
  );
  expect(performance.now() - started).toBeLessThan(6000);
  expect(readFileSync(path.join(dir, 'out/resume.txt'), 'utf8')).toBe(good);
});

test('a missing file is one clear line', async () => {
  const run = await mdcv(['build', 'nope.md'], { cwd: os.tmpdir() });
  expect(run.exitCode).toBe(1);
  expect(run.stderr.trim()).toBe('nope.md: error: cannot read the file: no such file');
});

test('two inputs of one name, which would write the same outputs, are refused before anything is built (exit 64)', async () => {
  const dir = tempDir('same-name');
  for (const sub of ['x', 'y']) {
    mkdirSync(path.join(dir, sub));
    writeFileSync(path.join(dir, sub, 'resume.md'), `---\nname: Ada ${sub}\n---\n\nText.\n`);
  }
  writeFileSync(path.join(dir, 'y', 'Resume.md'), '---\nname: Ada Y\n---\n\nText.\n');
  for (const second of ['y/resume.md', 'y/Resume.md']) {
    const run = await mdcv(['build', 'x/resume.md', second, '--format', 'html'], { cwd: dir });
    expect(run.stderr).toBe(
      `mdcv: x/resume.md and ${second} would both write out/${path.basename(second, '.md')}.*; build them into different folders with --out`,
    );
    expect(run.exitCode).toBe(64);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  }
  // The same file twice is one build.
  const twice = await mdcv(['build', 'x/resume.md', './x/resume.md', '--format', 'html', '-q'], { cwd: dir });
  expect(twice.exitCode).toBe(0);
  expect(twice.stderr).toBe('');
});

test("a theme's mistakes name its files as the README does: from the working folder when inside it", async () => {
  const dir = tempDir('cli-theme-paths');
  const theme = path.join(dir, 'cv', 'mine');
  mkdirSync(theme, { recursive: true });
  writeFileSync(path.join(dir, 'cv', 'resume.md'), '---\nname: Ada\ntheme: ./mine\n---\n\nText.\n');
  const build = async (cwd: string, file: string) =>
    (await mdcv(['build', file, '--format', 'html', '--no-cache', '-q'], { cwd })).stderr.split('\n')[0];

  expect(await build(dir, 'cv/resume.md')).toBe('cv/resume.md:3:8: error: not a theme: no theme.yaml in cv/mine');
  writeFileSync(path.join(theme, 'theme.yaml'), 'extends: classic\nfonts: [\n');
  expect(await build(path.join(dir, 'cv'), 'resume.md')).toMatch(/^mine\/theme\.yaml:3: error: theme\.yaml: /);
  writeFileSync(path.join(theme, 'theme.yaml'), 'extends: classic\n');
  writeFileSync(path.join(theme, 'resume.html.hbs'), '{{#if}}\n');
  expect(await build(dir, 'cv/resume.md')).toBe(
    'cv/mine/resume.html.hbs:2: error: template syntax error near `{{#if}}`',
  );
  writeFileSync(path.join(theme, 'resume.html.hbs'), '{{> nope}}\n');
  expect(await build(path.join(dir, 'cv'), 'resume.md')).toBe(
    'mine/resume.html.hbs: error: template error: no partial `nope` (expected partials/nope.html.hbs)',
  );
  // Outside the working folder: the whole path, as there is no shorter one that is true.
  const elsewhere = tempDir('cli-theme-paths-elsewhere');
  expect(await build(elsewhere, path.join(dir, 'cv/resume.md'))).toBe(
    `${theme}/resume.html.hbs: error: template error: no partial \`nope\` (expected partials/nope.html.hbs)`,
  );
});
