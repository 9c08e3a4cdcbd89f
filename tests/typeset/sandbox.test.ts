import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme.js';
import { probeSandbox, runEngine } from '../../src/typeset/sandbox.js';
import { CLI, mdcv, pathWithout, tempDir } from '../support/cli.js';
import { pdfContent, pdfFonts, pdfText } from '../support/pdf.js';

/**
 * A theme cloned from the internet is untrusted: its TeX must not read a file outside
 * the build folder, write outside it, or run a command, on either engine. Each attack
 * here is TeX a theme's template can hold; the secret lies beside the resume, outside
 * the build folder, and must reach neither the PDF nor the messages.
 */
const TOKEN = 'mdcvsecretqzx';
let secrets: string;
let font: { file: string; name: string };

beforeAll(() => {
  secrets = tempDir('secrets');
  writeFileSync(path.join(secrets, 'secret.tex'), `${TOKEN}\n`);
  // A PDF and a font of the attacker's choosing, outside the build folder.
  writeFileSync(path.join(secrets, 'page.tex'), `\\documentclass{article}\\begin{document}${TOKEN}\\end{document}\n`);
  execFileSync('pdflatex', ['-interaction=nonstopmode', 'page.tex'], { cwd: secrets });
  const [file, name] = execFileSync('fc-match', ['--format=%{file}\n%{postscriptname}', 'Noto Sans Nushu'], {
    encoding: 'utf8',
  }).split('\n');
  copyFileSync(file!, path.join(secrets, 'private.ttf'));
  font = { file: path.join(secrets, 'private.ttf'), name: name! };
});

type Engine = 'pdflatex' | 'xelatex';
const BOTH: Engine[] = ['pdflatex', 'xelatex'];

/** Each attack, and the engines it applies to (a primitive of one engine only is tried on that one). */
const attacks: [string, Engine[], (secret: string) => string][] = [
  [
    'pdf:fstream (xdvipdfmx reads the file into the PDF)',
    ['xelatex'],
    (s) =>
      `\\special{pdf:fstream @leak (${s}/secret.tex)}\\special{pdf:put @catalog << /Leak @leak >>}\\special{pdf:fstream @pw (/etc/passwd)}\\special{pdf:put @catalog << /Pw @pw >>}`,
  ],
  ['pdf:image', ['xelatex'], (s) => `\\special{pdf:image width 100pt (${s}/page.pdf)}`],
  ['\\XeTeXpicfile', ['xelatex'], (s) => `\\XeTeXpicfile "${s}/page.pdf"`],
  ['\\pdffiledump', ['pdflatex'], (s) => `\\pdffiledump length 40{${s}/secret.tex}`],
  ['\\pdfximage', ['pdflatex'], (s) => `\\immediate\\pdfximage{${s}/page.pdf}\\pdfrefximage\\pdflastximage`],
  ['\\includegraphics by absolute path', BOTH, (s) => `\\includegraphics{${s}/page.pdf}`],
  [
    '\\input by absolute path',
    BOTH,
    (s) => `\\IfFileExists{/etc/passwd}{\\input{/etc/passwd}}{}\\input{${s}/secret.tex}`,
  ],
  [
    '\\openin and \\read',
    BOTH,
    (s) => `\\newread\\probe\\openin\\probe=${s}/secret.tex \\ifeof\\probe\\else\\read\\probe to\\line\\line\\fi`,
  ],
  // A Nüshu letter, which the font has (and no font of the theme).
  [
    'a font by absolute path',
    BOTH,
    (s) =>
      `\\ifdefined\\XeTeXrevision\\font\\private="[${s}/private.ttf]"\\private 𛅰\\else\\font\\private=${s}/private\\private x\\fi\\normalfont`,
  ],
];

describe.each(BOTH)("a theme's TeX on %s", (engine) => {
  it.each(attacks.filter(([, engines]) => engines.includes(engine)))(
    'cannot read outside the build folder: %s',
    async (_, __, attack) => {
      const dir = tempDir('attack');
      const { run, pdf } = await buildWith(dir, engine, attack(secrets));
      expect(`${run.stdout}\n${run.stderr}`).not.toContain(TOKEN);
      expect(`${run.stdout}\n${run.stderr}`).not.toContain('root:x:');
      if (!pdf) return;
      const content = pdfContent(pdf);
      // Booleans: a failure would otherwise print the whole PDF.
      expect(content.includes(TOKEN), 'the secret is in the PDF').toBe(false);
      expect(content.includes('root:x:'), '/etc/passwd is in the PDF').toBe(false);
      expect(pdfText(pdf)).toContain('Wrote the first program.');
      expect(
        pdfFonts(pdf)
          .map((f) => f.name)
          .join(' '),
      ).not.toContain(font.name);
    },
  );

  it('cannot run a command or write outside the build folder', async () => {
    const dir = tempDir('attack-run');
    const outside = (name: string) => path.join(dir, name);
    const attack = [
      `\\immediate\\write18{touch ${outside('pwned-write18')}}`,
      `\\IfFileExists{|touch ${outside('pwned-pipe')}}{}{}`,
      `\\special{dvipdfmx:config D "touch ${outside('pwned-config')} x"}`,
    ].join('\n');
    const { run, pdf } = await buildWith(dir, engine, attack);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(pdfText(pdf!)).toContain('Wrote the first program.');
    for (const name of ['pwned-write18', 'pwned-pipe', 'pwned-config'])
      expect(existsSync(outside(name)), name).toBe(false);
  });
});

describe('the sandbox', () => {
  it.runIf(process.platform === 'linux')('is in force on Linux, with bubblewrap (which `make` installs)', async () => {
    expect(await probeSandbox()).toEqual({ sandboxed: true });
  });

  it.runIf(process.platform === 'linux')(
    'shows a program its build folder, and not the rest of /tmp, /etc or the environment',
    async () => {
      const dir = tempDir('sandboxed');
      writeFileSync(path.join(dir, 'inside.txt'), 'inside\n');
      const listing = await runEngine('sh', ['-c', `cat inside.txt; cat ${secrets}/secret.tex /etc/passwd; env`], {
        dir,
      });
      expect(listing.stdout).toContain('inside');
      expect(listing.stdout).not.toContain(TOKEN);
      expect(listing.stdout).not.toContain('root:x:');
      expect(listing.stdout).not.toContain('MDCV_CACHE_DIR');
      expect(listing.stdout).toContain('openin_any=p');
    },
  );
});

describe.runIf(process.platform === 'linux')('without the sandbox (no bubblewrap on PATH)', () => {
  const noSandbox = { PATH: pathWithout('bwrap') };
  const build = async (theme: string, engine: Engine, env?: Record<string, string>) => {
    const dir = tempDir('unsandboxed');
    if (theme.startsWith('./')) {
      mkdirSync(path.join(dir, theme));
      writeFileSync(path.join(dir, theme, 'theme.yaml'), 'extends: classic\n');
    }
    writeFileSync(
      path.join(dir, 'resume.md'),
      `---\nname: Ada Lovelace\ntheme: ${theme}\nengine: ${engine}\n---\n\n## Experience\n\n- Wrote the first program.\n`,
    );
    const run = await mdcv(['build', 'resume.md', '--format', 'pdf', '--no-cache', '-q'], { cwd: dir, env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(pdfText(path.join(dir, 'out/resume.pdf'))).toContain('Wrote the first program.');
    return run.stderr;
  };

  it('xelatex with a theme from outside mdcv: the build says, in one warning on the theme line, that it is not contained', async () => {
    expect(await build('./mine', 'xelatex', noSandbox)).toBe(
      'resume.md:3: warning: the engine runs without its sandbox here (bubblewrap (bwrap) is not installed): xelatex does not contain ' +
        'the TeX of theme `mine`, which could put any file it names into the PDF ' +
        '(build only with themes you trust, or where bubblewrap runs (`mdcv doctor` says whether it does))',
    );
  });

  it('xelatex with a theme from outside mdcv where namespaces are forbidden (bubblewrap there, but failing): the same warning', async () => {
    const dir = tempDir('no-namespaces');
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine', 'theme.yaml'), 'extends: classic\n');
    writeFileSync(
      path.join(dir, 'resume.md'),
      '---\nname: Ada Lovelace\ntheme: ./mine\nengine: xelatex\n---\n\nWrote the first program.\n',
    );
    // mdcv in a user namespace that may make no other: as in a container that forbids them.
    const run = await execa(
      'bwrap',
      [
        '--dev-bind',
        '/',
        '/',
        '--unshare-user',
        '--disable-userns',
        '--chdir',
        dir,
        '--',
        'node',
        CLI,
        'build',
        'resume.md',
        '--format',
        'pdf',
        '--no-cache',
        '-q',
      ],
      { reject: false },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^resume\.md:3: warning: the engine runs without its sandbox here \(bubblewrap cannot run: [^\n]*namespace[^\n]*\): xelatex does not contain the TeX of theme `mine`/,
    );
    expect(pdfText(path.join(dir, 'out/resume.pdf'))).toContain('Wrote the first program.');
  });

  it("pdflatex with a theme from outside mdcv: the build says its TeX is held by TeX's restrictions alone", async () => {
    expect(await build('./mine', 'pdflatex', noSandbox)).toMatch(
      /^resume\.md:3: warning: the engine runs without its sandbox here .*: the TeX of theme `mine` is held by pdflatex's own restrictions alone/,
    );
  });

  it.each([
    ["a built-in theme (no TeX but mdcv's)", 'modern', noSandbox],
    ['the sandbox in force', './mine', undefined],
  ])('no warning with %s', async (_, theme, env) => {
    expect(await build(theme, 'xelatex', env)).toBe('');
  });
});

/** Builds a resume whose theme (a copy of classic) runs `code` at the start of the document. */
async function buildWith(dir: string, engine: string, code: string) {
  const theme = path.join(dir, 'theme');
  cpSync(path.join(BUILTIN_THEMES_DIR, 'classic'), theme, { recursive: true });
  const main = path.join(theme, 'resume.tex.hbs');
  writeFileSync(main, readFileSync(main, 'utf8').replace('\\begin{document}', `\\begin{document}\n${code}\n`));
  writeFileSync(
    path.join(dir, 'resume.md'),
    `---\nname: Ada Lovelace\ntheme: ./theme\nengine: ${engine}\n---\n\n## Experience\n\n- Wrote the first program.\n`,
  );
  // Without a cache, so each theme's preamble is not dumped into a format first (the format's run is sandboxed alike).
  const run = await mdcv(['build', 'resume.md', '--format', 'pdf', '--no-cache'], { cwd: dir });
  const pdf = path.join(dir, 'out/resume.pdf');
  return { run, pdf: existsSync(pdf) ? pdf : undefined };
}
