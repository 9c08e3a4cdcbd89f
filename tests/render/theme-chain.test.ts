import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadTheme, ThemeError } from '../../src/render/index.js';
import { readThemeData } from '../../src/render/theme-chain.js';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme-files.js';
import { tempDir } from '../support/cli.js';
import { printed } from '../support/diagnostics.js';

/** Theme folders side by side in a new folder, each `{ file: content }`; a `{ link }` makes the folder a symlink. */
function themes(folders: Record<string, Record<string, string> | { link: string }>): string {
  const dir = tempDir('themes');
  for (const [name, files] of Object.entries(folders)) {
    if ('link' in files) {
      symlinkSync(files.link as string, path.join(dir, name));
      continue;
    }
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name, file)), { recursive: true });
      writeFileSync(path.join(dir, name, file), content);
    }
  }
  return dir;
}

async function refusal(dir: string, theme: string): Promise<ThemeError> {
  const error = await loadTheme(path.join(dir, theme), dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ThemeError);
  return error as ThemeError;
}

describe('`extends` by path', () => {
  it('layers a theme over a theme folder beside it, which extends a built-in one: defaults, macros, stylesheet and templates', async () => {
    const dir = themes({
      base: {
        'theme.yaml': 'extends: modern\ndefaults:\n  accent: "#112233"\n  fontSize: 11\n',
        'macros.tex': '% the base look\n',
        'style.css': '/* base */\n',
        'partials/header.html.hbs': '<header class="base">{{person.name}}</header>\n',
      },
      mine: { 'theme.yaml': 'extends: ../base\ndefaults:\n  accent: "#aa3300"\n', 'style.css': '/* mine */\n' },
    });
    const theme = await loadTheme(path.join(dir, 'mine'), dir);
    expect(theme.dirs.map((d) => path.basename(d))).toEqual(['classic', 'modern', 'base', 'mine']);
    expect(theme.defaults).toMatchObject({ font: 'helvetica', fontSize: 11, accent: 'AA3300' });
    expect(theme.macros.indexOf('The modern look')).toBeLessThan(theme.macros.indexOf('% the base look'));
    expect(theme.css.endsWith('/* base */\n\n/* mine */\n')).toBe(true);
    expect(theme.builtIn).toBe(false);

    writeFileSync(
      path.join(dir, 'resume.md'),
      '---\nname: Ada Lovelace\ntheme: ./mine\n---\n\n## Experience\n\n- Wrote the first program.\n',
    );
    const result = await build({
      file: path.join(dir, 'resume.md'),
      outDir: path.join(dir, 'out'),
      formats: ['html', 'pdf'],
      cache: false,
    });
    expect(printed(result.diagnostics)).toBe('');
    expect(readFileSync(result.outputs.html!, 'utf8')).toContain('<header class="base">Ada Lovelace</header>');
  });

  it('takes a theme folder inside its own, and a link to a folder beside it', async () => {
    const dir = themes({
      mine: { 'theme.yaml': 'extends: ./variants/base\n', 'variants/base/theme.yaml': 'extends: classic\n' },
      other: { 'theme.yaml': 'extends: classic\ndescription: other\n' },
      linked: { link: 'other' },
      yours: { 'theme.yaml': 'extends: ../linked\n' },
    });
    expect((await loadTheme(path.join(dir, 'mine'), dir)).dirs.map((d) => path.basename(d))).toEqual([
      'classic',
      'base',
      'mine',
    ]);
    expect((await loadTheme(path.join(dir, 'yours'), dir)).dirs.map((d) => path.basename(d))).toEqual([
      'classic',
      'linked',
      'yours',
    ]);
  });

  const elsewhere = themes({
    theme: { 'theme.yaml': 'description: a theme elsewhere\n', 'style.css': '/* elsewhere */\n' },
  });

  it.each([
    ['the root', '/'],
    ['an absolute path', path.join(elsewhere, 'theme')],
    ['a path that climbs out of the folder holding it', '../../x/theme'],
    ['the folder holding it', '..'],
    ['a path out and back in', `../..${elsewhere}/theme`],
  ])('refuses %s, in one line on its theme.yaml, reading nothing there', async (_, target) => {
    const dir = themes({ mine: { 'theme.yaml': `extends: ${target}\n` } });
    const error = await refusal(dir, 'mine');
    expect(error.file).toBe(path.join(dir, 'mine', 'theme.yaml'));
    expect(error.message).toBe(
      `theme.yaml: \`extends: ${target}\` leads out of the folder that holds this theme; a theme extends a built-in theme, or a theme folder beside it or inside it`,
    );
  });

  it('refuses a link beside it that leads out (a symlink escape)', async () => {
    const dir = themes({ base: { link: path.join(elsewhere, 'theme') }, mine: { 'theme.yaml': 'extends: ../base\n' } });
    expect((await refusal(dir, 'mine')).message).toMatch(
      /^theme\.yaml: `extends: \.\.\/base` leads out of the folder that holds this theme/,
    );
  });

  it('refuses a folder without a theme.yaml, and a name that is no built-in theme', async () => {
    const dir = themes({
      notes: { 'a.txt': 'x' },
      mine: { 'theme.yaml': 'extends: ../notes\n' },
      typo: { 'theme.yaml': 'extends: clasic\n' },
    });
    expect((await refusal(dir, 'mine')).message).toBe(
      'theme.yaml: `extends: ../notes` is no theme folder (no theme.yaml in it)',
    );
    expect((await refusal(dir, 'typo')).message).toBe(
      'theme.yaml: `extends: clasic` names no built-in theme; a theme folder is named by its path (`../clasic`)',
    );
  });

  it.each([
    [
      'two themes that extend each other',
      { a: { 'theme.yaml': 'extends: ../b\n' }, b: { 'theme.yaml': 'extends: ../a\n' } },
      'a → b → a',
    ],
    ['a theme that extends itself', { a: { 'theme.yaml': 'extends: ./\n' } }, 'a → a'],
    [
      'a circle through a link',
      { a: { 'theme.yaml': 'extends: ../b\n' }, b: { 'theme.yaml': 'extends: ../c\n' }, c: { link: 'a' } },
      'a → b → c',
    ],
  ])('refuses %s in one line', async (_, folders, circle) => {
    const dir = themes(folders as Record<string, Record<string, string>>);
    const error = await refusal(dir, 'a');
    expect(error.message).toBe(`theme.yaml: \`extends\` goes round in a circle: ${circle}`);
  });

  it('builds again when a file of the theme it extends changes (the build stamp covers every folder)', async () => {
    const dir = themes({
      base: { 'theme.yaml': 'extends: classic\n', 'style.css': '/* one */\n' },
      mine: { 'theme.yaml': 'extends: ../base\n' },
    });
    const file = path.join(dir, 'resume.md');
    writeFileSync(file, '---\nname: Ada Lovelace\ntheme: ./mine\n---\n\nText.\n');
    const options = {
      file,
      outDir: path.join(dir, 'out'),
      formats: ['html' as const],
      cacheDir: path.join(dir, 'cache'),
    };
    expect((await build(options)).ok).toBe(true);
    expect((await build(options)).unchanged).toBe(true);
    writeFileSync(path.join(dir, 'base', 'style.css'), '/* two */\n');
    utimesSync(path.join(dir, 'base', 'style.css'), new Date(), new Date(Date.now() + 5000));
    const again = await build(options);
    expect(again.unchanged).toBeUndefined();
    expect(readFileSync(again.outputs.html!, 'utf8')).toContain('/* two */');
  });
});

/** A build of many resumes, and a watch session, read the same theme.yaml for every build. */
describe('a theme.yaml read again', () => {
  it('is parsed once while its text stays the same, and anew when it changes', () => {
    const dir = themes({ mine: { 'theme.yaml': 'extends: classic\ndefaults:\n  accent: "#112233"\n' } });
    const first = readThemeData(path.join(dir, 'mine'));
    const again = readThemeData(path.join(dir, 'mine'));
    // The same parse (the same object), not a new one.
    expect(again.defaults).toBe(first.defaults);
    expect(again).toEqual(first);
    writeFileSync(path.join(dir, 'mine', 'theme.yaml'), 'extends: modern\ndefaults:\n  accent: "#445566"\n');
    const changed = readThemeData(path.join(dir, 'mine'));
    expect(changed.defaults).toEqual({ accent: '445566' });
    expect(changed.base).toBe(path.join(BUILTIN_THEMES_DIR, 'modern'));
  });

  it('looks up its base folder anew: a link retargeted out of the folder is refused, the text unchanged', () => {
    const dir = themes({
      inside: { 'theme.yaml': 'extends: classic\n' },
      mine: { 'theme.yaml': 'extends: ../base\n' },
    });
    symlinkSync(path.join(dir, 'inside'), path.join(dir, 'base'));
    expect(readThemeData(path.join(dir, 'mine')).base).toBe(path.join(dir, 'base'));
    rmSync(path.join(dir, 'base'));
    symlinkSync(path.join(themes({ theme: { 'theme.yaml': 'extends: classic\n' } }), 'theme'), path.join(dir, 'base'));
    expect(() => readThemeData(path.join(dir, 'mine'))).toThrow(/`extends: \.\.\/base` leads out of the folder/);
  });
});
