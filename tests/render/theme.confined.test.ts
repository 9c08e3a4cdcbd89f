import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme.js';
import { mdcv, tempDir } from '../support/cli.js';
import { printed } from '../support/diagnostics.js';

/**
 * A theme cloned from the internet is untrusted: whatever its files are links
 * to, only files inside its own folder (or mdcv's templates) are ever read.
 */
const SECRET = 'mdcv-test-secret-7f3a';

/** A folder outside the theme, with a partial that would print the secret. */
const ELSEWHERE = tempDir('elsewhere');
writeFileSync(path.join(ELSEWHERE, 'header.tex.hbs'), SECRET);
/** A new secret file outside the theme, on the same file system (a hard link cannot cross one). */
function secretFile(): string {
  const file = path.join(tempDir('secret'), 'secret.txt');
  writeFileSync(file, `${SECRET}\n`);
  return file;
}

/**
 * A resume beside a theme folder `theme/` (extending classic) with these files; a value of `{ link }` is a symlink, `{
 * hardLink }` a hard link.
 */
type ThemeFile = string | { link: string } | { hardLink: string } | { fifo: true };

function project(files: Record<string, ThemeFile>): { dir: string; file: string; theme: string } {
  const dir = tempDir('confined');
  const theme = path.join(dir, 'theme');
  const all: Record<string, ThemeFile> = { 'theme.yaml': 'extends: classic\n', ...files };
  for (const [name, content] of Object.entries(all)) {
    const at = path.join(theme, name);
    mkdirSync(path.dirname(at), { recursive: true });
    if (typeof content === 'string') writeFileSync(at, content);
    else if ('link' in content) symlinkSync(content.link, at);
    else if ('hardLink' in content) linkSync(content.hardLink, at);
    else execFileSync('mkfifo', [at]);
  }
  const file = path.join(dir, 'resume.md');
  writeFileSync(file, '---\nname: Ada Lovelace\ntheme: ./theme\n---\n\n## Experience\n\n- Wrote the first program.\n');
  return { dir, file, theme };
}

async function refused(files: Parameters<typeof project>[0], formats: ('html' | 'tex' | 'txt')[] = ['html', 'tex']) {
  const { dir, file, theme } = project(files);
  const out = path.join(dir, 'out');
  const result = await build({ file, outDir: out, formats, cache: false });
  const text = printed(result.diagnostics);
  expect(result.ok).toBe(false);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('root:x:0:0');
  return { text, theme, diagnostics: result.diagnostics };
}

describe('a theme reads only its own files', () => {
  it('refuses a style.css that links to /proc/self/environ: the environment reaches no output and no message', async () => {
    process.env.MDCV_TEST_TOKEN = SECRET;
    try {
      const { text, theme, diagnostics } = await refused({ 'style.css': { link: '/proc/self/environ' } });
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.file).toBe(path.join(theme, 'style.css'));
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toMatch(/style\.css: error: .*outside the theme folder/);
    } finally {
      delete process.env.MDCV_TEST_TOKEN;
    }
  });

  it.each([
    ['macros.tex', { 'macros.tex': { link: '/etc/passwd' } }],
    ['theme.yaml', { 'theme.yaml': { link: '/etc/passwd' } }],
    ['a partial', { 'partials/header.tex.hbs': { link: '/etc/passwd' } }],
    ['the main template', { 'resume.html.hbs': { link: '/etc/passwd' } }],
    ['a partial through a linked folder', { partials: { link: ELSEWHERE } }],
    ['a link out and back in again', { 'style.css': { link: '../../../../../../../../etc/passwd' } }],
  ])('refuses %s that links outside the folder, in one line naming it', async (_, files) => {
    const { text } = await refused(files);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/error: .*(outside the theme folder|no partial)/);
  });

  it.each([
    ['style.css', 'html' as const],
    ['macros.tex', 'tex' as const],
  ])(
    'refuses a %s that is a hard link to a file outside the folder, in one line naming it and why',
    async (name, format) => {
      const { text, theme, diagnostics } = await refused(
        { [name]: { hardLink: secretFile() }, ...(name === 'macros.tex' && { 'resume.tex.hbs': '{{{macros}}}' }) },
        [format],
      );
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.file).toBe(path.join(theme, name));
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toContain(
        `${name}: error: this file has 2 names (hard links); a hard link can lead to any file on the disk`,
      );
    },
  );

  it('refuses a fifo as a theme file at once, without waiting on it', async () => {
    const started = Date.now();
    const { text } = await refused({ 'style.css': { fifo: true } });
    expect(text).toMatch(/style\.css: error: .*not a regular file/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a theme file too large to be one, without reading it whole', async () => {
    const { text } = await refused({ 'style.css': 'a'.repeat(3 * 1024 * 1024) });
    expect(text).toMatch(/style\.css: error: .*at most 1 MB/);
  });

  it("follows a link that stays inside the folder, or into mdcv's own templates", async () => {
    const { dir, file } = project({
      'shared.css': `/* ${'inside'} */`,
      'style.css': { link: 'shared.css' },
      'partials/header.html.hbs': { link: path.join(BUILTIN_THEMES_DIR, 'classic', 'partials', 'header.html.hbs') },
    });
    const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['html'], cache: false });
    expect(printed(result.diagnostics)).toBe('');
    expect(readFileSync(path.join(dir, 'out', 'resume.html'), 'utf8')).toContain('/* inside */');
  });
});

describe('a theme is a folder with a theme.yaml, and a small one', () => {
  it('leaves out hidden files and folders: a theme cloned with a long history in .git is still small', async () => {
    const { dir, file, theme } = project({});
    mkdirSync(path.join(theme, '.git', 'objects'), { recursive: true });
    for (let i = 0; i < 600; i++) writeFileSync(path.join(theme, '.git', 'objects', `o${i}`), '');
    const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['html'], cache: false });
    expect(printed(result.diagnostics)).toBe('');
  });

  it('refuses `theme: /` at once, without walking the file system', async () => {
    const dir = tempDir('root-theme');
    writeFileSync(path.join(dir, 'resume.md'), '---\nname: Ada Lovelace\ntheme: /\n---\n\nText.\n');
    const started = Date.now();
    const run = await mdcv(['build', 'resume.md', '--format', 'html', '--no-cache'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe('resume.md:3:8: error: not a theme: no theme.yaml in /\n  theme: /\n         ^');
  });

  it('refuses `--theme /proc` as not a theme (no internal error)', async () => {
    const dir = tempDir('proc-theme');
    writeFileSync(path.join(dir, 'resume.md'), '---\nname: Ada Lovelace\n---\n\nText.\n');
    const run = await mdcv(['build', 'resume.md', '--format', 'html', '--theme', '/proc', '--no-cache'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe('/proc/theme.yaml: error: not a theme: no theme.yaml in /proc');
  });

  it.each([
    [
      'too many files',
      (theme: string) => {
        for (let i = 0; i < 600; i++) writeFileSync(path.join(theme, `f${i}.txt`), '');
      },
      /theme folder .* holds over 500 files/,
    ],
    [
      'nests too deep',
      (theme: string) =>
        mkdirSync(path.join(theme, ...Array.from({ length: 20 }, (_, i) => `d${i}`)), { recursive: true }),
      /theme folder .* nests deeper than 8 folders/,
    ],
  ])('refuses a theme folder that %s, naming it', async (_, grow, message) => {
    const { dir, file, theme } = project({});
    grow(theme);
    const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['html'], cache: false });
    expect(result.ok).toBe(false);
    expect(printed(result.diagnostics)).toMatch(message);
  });
});
