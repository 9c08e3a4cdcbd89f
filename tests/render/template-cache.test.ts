import { execa } from 'execa';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseResume } from '../../src/parse/index.js';
import { tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = path.join(ROOT, 'resume.md');
const { resume } = parseResume(readFileSync(SEED, 'utf8'), SEED);
const photo = { fileName: 'photo.png', dataUri: 'data:image/png;base64,AAAA' };

/**
 * The seed rendered in both languages by a fresh copy of the render modules,
 * as a new process would: nothing compiled in memory, only what the cache holds.
 */
async function freshRender(
  theme: string,
  cacheDir: string | false,
  baseDir = ROOT,
  shipped = false,
): Promise<{ tex: string; html: string }> {
  vi.resetModules();
  const render = await import('../../src/render/index.js');
  const loaded = await render.loadTheme(theme, baseDir, { cacheDir, shipped });
  return { tex: render.renderLatex(resume!, loaded, photo), html: render.renderHtml(resume!, loaded, photo) };
}

const specsIn = (cacheDir: string): string[] =>
  readdirSync(path.join(cacheDir, 'templates'))
    .filter((f) => f.endsWith('.js'))
    .sort();
const specFile = (cacheDir: string, name: string): string => path.join(cacheDir, 'templates', name);
/** Each spec file's identity and time: a rewritten file is a new inode. */
const fileStates = (cacheDir: string): string[] =>
  specsIn(cacheDir).map(
    (f) => `${f}:${statSync(specFile(cacheDir, f)).ino}:${statSync(specFile(cacheDir, f)).mtimeMs}`,
  );

describe('the template cache', () => {
  const themes = ['classic', 'compact', 'modern'];
  const fromSource: Record<string, { tex: string; html: string }> = {};
  beforeAll(async () => {
    for (const theme of themes) fromSource[theme] = await freshRender(theme, false);
  });

  it.each(themes)(
    '%s: a fresh load takes every template from the cache and renders what a compile from source does',
    async (theme) => {
      const cacheDir = tempDir('tpl-cache');
      const expected = fromSource[theme]!;
      expect(await freshRender(theme, cacheDir)).toEqual(expected);
      const written = fileStates(cacheDir);
      expect(written.length).toBeGreaterThan(5);
      expect(await freshRender(theme, cacheDir)).toEqual(expected);
      expect(fileStates(cacheDir)).toEqual(written);
    },
  );

  it('compiles again, and rewrites, a spec file that is garbage, cut short, or whole but not a spec', async () => {
    const cacheDir = tempDir('tpl-corrupt');
    const expected = fromSource['classic']!;
    await freshRender('classic', cacheDir);
    const good = Object.fromEntries(specsIn(cacheDir).map((f) => [f, readFileSync(specFile(cacheDir, f), 'utf8')]));
    // Past Handlebars' own check (its compiler's revision), yet no template.
    const notASpec = `({ compiler: [${(Handlebars as unknown as { COMPILER_REVISION: number }).COMPILER_REVISION}, ">= 4.3.0"], main: {} })`;
    const corruptions: Record<string, (text: string) => string> = {
      garbage: () => '\u0000\u00ff garbage {{{',
      truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
      'JavaScript, not a spec': () => `${notASpec}\n`,
      'its hash line right, not a spec': () => `// ${createHash('sha256').update(notASpec).digest('hex')}\n${notASpec}`,
      empty: () => '',
      // Still JavaScript, still a spec, but no longer what was compiled.
      'a letter changed in its text': (text) =>
        text.replace('documentclass', 'documentclasz').replace('DOCTYPE', 'DOCTYPX'),
    };
    for (const [kind, corrupt] of Object.entries(corruptions)) {
      for (const [name, text] of Object.entries(good)) writeFileSync(specFile(cacheDir, name), corrupt(text));
      expect(await freshRender('classic', cacheDir), kind).toEqual(expected);
      for (const [name, text] of Object.entries(good))
        expect(readFileSync(specFile(cacheDir, name), 'utf8'), `${kind}: ${name}`).toBe(text);
    }
  });

  it('keys a template by its text: an edited template is compiled anew, never served stale', async () => {
    const cacheDir = tempDir('tpl-edit');
    const dir = tempDir('tpl-theme');
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'theme.yaml'), 'extends: classic\n');
    const header = path.join(dir, 'partials/header.html.hbs');
    writeFileSync(header, '<header class="before">{{person.name}}</header>\n');
    expect((await freshRender(dir, cacheDir)).html).toContain('<header class="before">Your Name</header>');
    const before = specsIn(cacheDir);
    writeFileSync(header, '<header class="after">{{person.name}}</header>\n');
    expect((await freshRender(dir, cacheDir)).html).toContain('<header class="after">Your Name</header>');
    expect(specsIn(cacheDir)).toHaveLength(before.length + 1);
  });

  it('still names the file and line of a template syntax error, every time', async () => {
    const cacheDir = tempDir('tpl-error');
    const dir = tempDir('tpl-broken');
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'theme.yaml'), 'extends: classic\n');
    writeFileSync(path.join(dir, 'partials/entry.tex.hbs'), '\\mdcventry{{arg title}}\n{{#each blocks}}\n{{/each}\n');
    for (let i = 0; i < 2; i++) {
      const error = (await freshRender(dir, cacheDir).catch((e: unknown) => e)) as {
        file: string;
        line: number;
        message: string;
      };
      expect(error.message).toMatch(/^template syntax error near/);
      expect(error.file).toBe(path.join(dir, 'partials/entry.tex.hbs'));
      expect(error.line).toBe(3);
    }
  });

  it('renders all the same when the cache folder cannot be written', async () => {
    const blocked = path.join(tempDir('tpl-blocked'), 'a-file');
    writeFileSync(blocked, '');
    expect(await freshRender('classic', path.join(blocked, 'cache'))).toEqual(fromSource['classic']);
  });

  it('keeps the most recently written few hundred specs', async () => {
    const cacheDir = tempDir('tpl-prune');
    mkdirSync(path.join(cacheDir, 'templates'));
    const old = Array.from({ length: 300 }, (_, i) => specFile(cacheDir, `old${i}.js`));
    old.forEach((file, i) => {
      writeFileSync(file, '');
      utimesSync(file, 1_000 + i, 1_000 + i);
    });
    await freshRender('classic', cacheDir);
    const kept = specsIn(cacheDir);
    expect(kept).toHaveLength(256);
    expect(kept).not.toContain('old0.js');
    expect(kept).toContain('old299.js');
  });

  it('loads no Handlebars compiler in a process whose templates are all in the cache', async () => {
    const cacheDir = tempDir('tpl-process');
    // Over tsc's output, as the package runs (`make test` builds it first).
    const script = `
      import { createRequire } from 'node:module';
      const { loadTheme, renderLatex, renderHtml } = await import(${JSON.stringify(path.join(ROOT, 'dist/render/index.js'))});
      const theme = await loadTheme('modern', '/', { cacheDir: ${JSON.stringify(cacheDir)}, shipped: false });
      const resume = ${JSON.stringify(resume)};
      renderLatex(resume, theme);
      renderHtml(resume, theme);
      console.log(Object.keys(createRequire(import.meta.url).cache).some((m) => m.includes('/handlebars/compiler/')));`;
    const run = () => execa('node', ['--input-type=module', '-e', script]);
    expect((await run()).stdout).toBe('true');
    expect((await run()).stdout).toBe('false');
  });

  it('needs no compiler, and no cache, for a built-in theme: its templates ship compiled, and render what a compile from source does', async () => {
    // `make test` bundles first, which compiles them into dist/templates.
    expect(readdirSync(path.join(ROOT, 'dist/templates')).length).toBeGreaterThan(10);
    for (const theme of themes) expect(await freshRender(theme, false, ROOT, true)).toEqual(fromSource[theme]);
    const script = `
      import { createRequire } from 'node:module';
      const { loadTheme } = await import(${JSON.stringify(path.join(ROOT, 'dist/render/index.js'))});
      for (const theme of ['classic', 'modern', 'compact']) await loadTheme(theme, '/');
      console.log(Object.keys(createRequire(import.meta.url).cache).some((m) => m.includes('/handlebars/compiler/')));`;
    expect((await execa('node', ['--input-type=module', '-e', script])).stdout).toBe('false');
  });
});
