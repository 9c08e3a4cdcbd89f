import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseResume } from '../../src/parse/index.js';
import { listThemes, loadTheme, renderLatex, ThemeError } from '../../src/render/index.js';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme.js';
import { preambleOf } from '../../src/typeset/format.js';
import { tempDir } from '../support/cli.js';
import { printed } from '../support/diagnostics.js';

/** A theme folder of one's own, extending classic, with the given files. */
function userTheme(files: Record<string, string>): string {
  const dir = tempDir('theme');
  for (const [name, content] of Object.entries({ 'theme.yaml': 'extends: classic\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function themeError(dir: string): Promise<ThemeError> {
  const error = await loadTheme(dir, '/').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ThemeError);
  return error as ThemeError;
}

describe('loadTheme', () => {
  it('lists the built-in themes, each described', async () => {
    const themes = await listThemes();
    expect(themes.map((t) => t.name)).toEqual(['classic', 'compact', 'modern']);
    for (const theme of themes) expect(theme.description).not.toBe('');
  });

  it('layers a theme over the one it extends: its defaults, macros and stylesheet over the base, its own files first', async () => {
    const dir = userTheme({
      'theme.yaml': 'extends: modern\ndefaults:\n  accent: "#aa3300"\n',
      'macros.tex': '% mine\n',
      'style.css': '/* mine */\n',
      'partials/header.html.hbs': '<header class="mine">{{person.name}}</header>\n',
    });
    const theme = await loadTheme(dir, '/');
    expect(theme.defaults).toMatchObject({ font: 'helvetica', accent: 'AA3300' });
    expect(theme.macros.indexOf('The classic look')).toBeGreaterThanOrEqual(0);
    expect(theme.macros.indexOf('The classic look')).toBeLessThan(theme.macros.indexOf('The modern look'));
    expect(theme.macros.endsWith('% mine\n')).toBe(true);
    expect(theme.css.endsWith('/* mine */\n')).toBe(true);
    expect(
      theme.html({
        person: { name: 'Ada' },
        settings: {},
        font: {},
        sections: [],
        summary: [],
        contacts: [],
        meta: {},
      }),
    ).toContain('<header class="mine">Ada</header>');
  });

  it('names the template file and line of a syntax error', async () => {
    const dir = userTheme({
      'partials/entry.tex.hbs': '\\mdcventry{{arg title}}{{arg aside}}\n{{#each blocks}}\n{{> block}}\n{{/each}\n',
    });
    const error = await themeError(dir);
    expect(error.file).toBe(path.join(dir, 'partials/entry.tex.hbs'));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^template syntax error near/);
  });

  it('says which partial is missing when a template calls one that does not exist', async () => {
    const dir = userTheme({ 'resume.html.hbs': '<main>\n{{> sidebar}}\n</main>\n' });
    const theme = await loadTheme(dir, '/');
    expect(() => theme.html({})).toThrow(/no partial `sidebar` \(expected partials\/sidebar\.html\.hbs\)/);
  });

  it('names the partial that fails, not the template that calls it: one missing, one that includes itself', async () => {
    const failure = (theme: Awaited<ReturnType<typeof loadTheme>>): ThemeError => {
      try {
        renderLatex(parseResume('# Ada\n\nText.\n', 'resume.md').resume!, theme);
      } catch (error) {
        return error as ThemeError;
      }
      throw new Error('the page was made');
    };
    const missing = userTheme({ 'partials/header.tex.hbs': '\\begin{center}\n{{> sidebar}}\n\\end{center}\n' });
    expect(failure(await loadTheme(missing, '/'))).toMatchObject({
      file: path.join(missing, 'partials/header.tex.hbs'),
      message: 'template error: no partial `sidebar` (expected partials/sidebar.tex.hbs)',
    });
    const loop = userTheme({ 'partials/header.tex.hbs': '{{> header}}' });
    expect(failure(await loadTheme(loop, '/'))).toMatchObject({
      file: path.join(loop, 'partials/header.tex.hbs'),
      message: 'template error: partials include each other without end (here, or in one this includes)',
    });
  });

  it('checks theme.yaml: its defaults, its YAML and what it extends', async () => {
    expect((await themeError(userTheme({ 'theme.yaml': 'defaults:\n  fontSize: 30\n' }))).message).toBe(
      'theme.yaml: `defaults.fontSize`: must be at most 14 (pt)',
    );
    const yaml = await themeError(userTheme({ 'theme.yaml': 'description: [unclosed\n' }));
    expect(yaml.file.endsWith('theme.yaml')).toBe(true);
    expect(yaml.message).toMatch(/^theme\.yaml: /);
    expect((await themeError(userTheme({ 'theme.yaml': 'extends: fancy\n' }))).message).toBe(
      'theme.yaml: `extends: fancy` names no built-in theme; a theme folder is named by its path (`../fancy`)',
    );
    expect((await themeError(userTheme({ 'theme.yaml': 'photo: no photo\n' }))).message).toBe(
      'theme.yaml: `photo` must be true or false',
    );
  });

  it('checks the muted colour as it checks the accent: a hostile value reaches no output', async () => {
    const hostile = userTheme({
      'theme.yaml': "extends: classic\ndefaults:\n  muted: 'red;}</style><script>alert(1)</script>'\n",
    });
    expect((await themeError(hostile)).message).toBe(
      'theme.yaml: `defaults.muted`: must be a colour as six hex digits in quotes, e.g. "#1F3A5F" (unquoted, YAML reads # as the start of a comment)',
    );
    const dir = tempDir('muted');
    writeFileSync(path.join(dir, 'resume.md'), `---\nname: Ada Lovelace\ntheme: ${hostile}\n---\n\nText.\n`);
    const result = await build({
      file: path.join(dir, 'resume.md'),
      outDir: path.join(dir, 'out'),
      formats: ['html', 'tex'],
      cache: false,
    });
    expect(result.ok).toBe(false);
    expect(printed(result.diagnostics)).toMatch(/theme\.yaml: error: theme\.yaml: `defaults\.muted`: must be a colour/);
    // A good one is written as the accent is: six upper-case hex digits.
    expect(
      (await loadTheme(userTheme({ 'theme.yaml': 'extends: classic\ndefaults:\n  muted: "#a1b2c3"\n' }), '/')).defaults[
        'muted'
      ],
    ).toBe('A1B2C3');
  });

  it('names the built-in themes when asked for one that does not exist', async () => {
    const error = await loadTheme('fancy', '/').catch((e: unknown) => e);
    expect((error as ThemeError).message).toBe('no theme `fancy`; the built-in themes are classic, compact, modern');
  });
});

describe('a theme that shows no photo (`photo: false`)', () => {
  const seed = path.resolve(import.meta.dirname, '../../resume.md');

  it('is said by compact, inherited by a theme extending it, and undone by one that says `photo: true`', async () => {
    expect((await loadTheme('classic', '/')).photo).toBe(true);
    expect((await loadTheme('compact', '/')).photo).toBe(false);
    const over = (yaml: string) => userTheme({ 'theme.yaml': yaml });
    expect((await loadTheme(over('extends: compact\n'), '/')).photo).toBe(false);
    expect((await loadTheme(over('extends: compact\nphoto: true\n'), '/')).photo).toBe(true);
  });

  it("leaves a person's photo out of every output, with a warning on the `photo:` line", async () => {
    const outDir = tempDir('no-photo');
    const result = await build({ file: seed, theme: 'compact', outDir, formats: ['html', 'tex'] });
    expect(result.ok).toBe(true);
    expect(printed(result.diagnostics)).toBe(
      `${path.relative(process.cwd(), seed)}:6: warning: the compact theme shows no photo: \`photo:\` is left out (remove \`photo:\`, or pick a theme that shows it)\n`,
    );
    expect(readdirSync(outDir).sort()).toEqual(['resume.html', 'resume.tex']);
    expect(readFileSync(path.join(outDir, 'resume.html'), 'utf8')).not.toContain('<img');
    expect(readFileSync(path.join(outDir, 'resume.tex'), 'utf8')).not.toContain('resume-photo');
    // A theme that shows it: no warning, and the photo beside the .tex.
    const classic = await build({ file: seed, theme: 'classic', outDir: tempDir('photo'), formats: ['html', 'tex'] });
    expect(classic.diagnostics).toEqual([]);
    expect(readFileSync(classic.outputs.html!, 'utf8')).toContain('<img class="photo"');
  });
});

describe('a theme that shows contact icons (`icons: true`)', () => {
  it('is said by modern, inherited by a theme extending it, undone by `icons: false`, and must be true or false', async () => {
    expect((await loadTheme('classic', '/')).icons).toBe(false);
    expect((await loadTheme('modern', '/')).icons).toBe(true);
    expect((await loadTheme(userTheme({ 'theme.yaml': 'extends: modern\n' }), '/')).icons).toBe(true);
    expect((await loadTheme(userTheme({ 'theme.yaml': 'extends: modern\nicons: false\n' }), '/')).icons).toBe(false);
    expect((await loadTheme(userTheme({ 'theme.yaml': 'extends: classic\nicons: true\n' }), '/')).icons).toBe(true);
    expect((await themeError(userTheme({ 'theme.yaml': 'extends: classic\nicons: yes please\n' }))).message).toBe(
      'theme.yaml: `icons` must be true or false',
    );
  });

  it('puts an icon, hidden from screen readers, before each contact in the HTML, and one to draw in the LaTeX', async () => {
    const seed = path.resolve(import.meta.dirname, '../../resume.md');
    const result = await build({ file: seed, theme: 'modern', outDir: tempDir('icons'), formats: ['html', 'tex'] });
    expect(readFileSync(result.outputs.html!, 'utf8')).toMatch(
      /<li class="email"><svg class="icon stroke" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M[^"]+"\/><\/svg><a href="mailto:/,
    );
    expect(readFileSync(result.outputs.tex!, 'utf8')).toMatch(
      /\\mdcvcontact\[mailto:you@example\.com\]\{2 w 1 J 1 j [\d. mlch-]+ S\}\{you@example\.com\}/,
    );
  });
});

describe("mdcv's layout machinery (templates/_shared/mdcv.tex)", () => {
  const MACHINERY = readFileSync(path.join(BUILTIN_THEMES_DIR, '_shared', 'mdcv.tex'), 'utf8');
  // What every theme needs to work with mdcv: "(Cont.)" marks, the line `pages:` reads, text read in place, the
  // escaper's macros.
  const SHARED = [
    '\\NewMarkClass{mdcvsection}',
    '\\typeout{mdcv-pages:',
    '\\newcommand\\mdcv@readhere',
    '\\newcommand\\mdcvstrike[1]',
    '\\newcommand\\mdcvtask',
  ];
  const { resume } = parseResume(
    '---\nname: Ada Lovelace\n---\n\n## Experience\n\n- Wrote the first program.\n',
    '/cv/resume.md',
  );

  it.each(['classic', 'compact', 'modern'])(
    "is in the %s theme's precompiled preamble once, before its look (so the format's key covers it)",
    async (name) => {
      const preamble = preambleOf(renderLatex(resume!, await loadTheme(name, '/cv')))!;
      // Comment lines are left out of the preamble's key: every other line of the machinery is in it.
      for (const line of MACHINERY.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('%')))
        expect(preamble).toContain(line);
      for (const piece of SHARED) expect(preamble.split(piece)).toHaveLength(2);
      expect(preamble.indexOf('\\typeout{mdcv-pages:')).toBeLessThan(preamble.indexOf('\\newcommand\\mdcvsection[1]'));
    },
  );

  it("is in no theme's own files: a theme is only its look", () => {
    for (const { name } of [{ name: 'classic' }, { name: 'compact' }, { name: 'modern' }]) {
      const macros = readFileSync(path.join(BUILTIN_THEMES_DIR, name, 'macros.tex'), 'utf8');
      for (const piece of SHARED) expect(macros, `${name}/macros.tex`).not.toContain(piece);
    }
  });

  it('is missed, in one line naming the template and what to add, by a theme whose resume.tex.hbs predates it', async () => {
    // classic's own resume.tex.hbs before the preamble was shared: the preamble written out, no machinery.
    const old = readFileSync(path.join(BUILTIN_THEMES_DIR, 'classic', 'resume.tex.hbs'), 'utf8').replace(
      '{{> preamble}}',
      '\\documentclass{article}\n{{> fonts}}\n\\usepackage{xcolor}\n{{{macros}}}',
    );
    const dir = tempDir('old-template');
    const theme = userTheme({ 'resume.tex.hbs': old });
    const file = path.join(dir, 'resume.md');
    writeFileSync(file, `---\nname: Ada Lovelace\ntheme: ${theme}\n---\n\n## Experience\n\n- Wrote it.\n`);
    const result = await build({ file, outDir: path.join(dir, 'out'), formats: ['tex'], cache: false });
    expect(result.ok).toBe(false);
    expect(printed(result.diagnostics)).toBe(
      `${theme}/resume.tex.hbs: error: the LaTeX this template makes lacks mdcv's machinery (section continuation ` +
        'marks, the `mdcv-pages:` line that `pages:` fits by, ActualText): it predates the shared preamble ' +
        "(put `{{> preamble}}` in place of its preamble, from `\\documentclass` to `{{{macros}}}`; a theme's own " +
        'partials/preamble.tex.hbs keeps `{{{machinery}}}`)\n',
    );
    // A letter's template is held to the same.
    const letter = userTheme({ 'letter.tex.hbs': old });
    const loaded = await loadTheme(letter, dir);
    expect(() => loaded.letter.latex({ machinery: loaded.machinery })).toThrow(/lacks mdcv's machinery/);
    expect(renderLatex(resume!, loaded)).toContain('\\typeout{mdcv-pages:');
  });

  it('reaches a theme of its own that extends nothing, through {{{machinery}}}, and is no file of the theme', async () => {
    const dir = tempDir('own-theme');
    writeFileSync(path.join(dir, 'theme.yaml'), 'description: mine\n');
    writeFileSync(path.join(dir, 'resume.tex.hbs'), '{{{machinery}}}\n%%% mdcv: end\n');
    writeFileSync(path.join(dir, 'resume.html.hbs'), '');
    const theme = await loadTheme(dir, dir);
    expect(theme.latex({ machinery: theme.machinery })).toContain('\\typeout{mdcv-pages:');
    // Headed by a marker naming it, so a TeX error in it is placed there.
    expect(theme.machinery.split('\n')[0]).toBe(
      `%mdcv file ${path.relative(dir, path.join(BUILTIN_THEMES_DIR, '_shared', 'mdcv.tex'))}`,
    );
  });
});
