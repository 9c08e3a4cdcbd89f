import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, mdcv, tempDir } from '../support/cli.js';
import { pdfInfo, pdfText } from '../support/pdf.js';

const FILES = [
  '.github/workflows/ci.yml',
  '.github/workflows/release.yml',
  '.gitignore',
  'Makefile',
  'letter.md',
  'package.json',
  'photo.png',
  'resume.md',
];
const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; files: string[] };
const LETTER_OUTPUTS = ['out/letter.docx', 'out/letter.html', 'out/letter.pdf', 'out/letter.txt'];
const EXAMPLES = readdirSync('assets/init/examples').map((file) => path.basename(file, '.md'));
// A clean environment: under `make test`, the outer make's flags would leak in.
const MAKE_ENV = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };
const make = (cwd: string, ...args: string[]) =>
  execa('make', ['--no-print-directory', `MDCV=node ${CLI}`, ...args], { cwd, env: MAKE_ENV, reject: false });
/** The files a run says it wrote, relative to `dir`; `cwd` is where it ran. */
const wrote = (stdout: string, dir: string, cwd = dir): string[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('wrote'))
    .map((l) => path.relative(dir, path.resolve(cwd, l.slice(6))))
    .sort();

describe('mdcv init, then mdcv build', () => {
  const dir = tempDir('init');
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  let init: Awaited<ReturnType<typeof mdcv>>;
  let build: Awaited<ReturnType<typeof mdcv>>;
  beforeAll(async () => {
    init = await mdcv(['init', dir]);
    build = await mdcv(['build', '-q', 'resume.md', 'letter.md'], { cwd: dir });
  });

  it('scaffolds the project', () => {
    expect(init.exitCode, init.stderr).toBe(0);
    expect(wrote(init.stdout, dir, process.cwd())).toEqual(FILES);
    expect(readFileSync(path.join(dir, 'photo.png'))).toEqual(readFileSync('assets/placeholder-photo.png'));
  });

  it('gives a PDF of the placeholders, and no variants the person did not ask for', () => {
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const text = pdfText(path.join(dir, 'out/resume.pdf'), 'layout');
    expect(text).toContain('Your Name');
    expect(text).toContain('Your Job Title');
    // Beside the PDF: the photo the .tex includes; no resume-backend.* or other variant.
    expect(
      readdirSync(path.join(dir, 'out')).filter((f) => f.startsWith('resume-') && f !== 'resume-photo.png'),
    ).toEqual([]);
  });

  it("gives a one-page cover letter with the resume's header, which its JSON Schema accepts", () => {
    const text = pdfText(path.join(dir, 'out/letter.pdf'));
    expect(pdfInfo(path.join(dir, 'out/letter.pdf'))['Pages']).toBe('1');
    for (const part of [
      'Your Name',
      'you@example.com',
      'Organisation Name',
      'Application for the Position of Job Title',
      'Dear Hiring Manager',
      'Sincerely,',
    ])
      expect(text).toContain(part);
    expect(read('letter.md')).toMatch(
      /^---\n# yaml-language-server: \$schema=\.\/node_modules\/mdcv\/schema\/mdcv-letter\.schema\.json\n/,
    );
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync('schema/mdcv-letter.schema.json', 'utf8')) as object,
    );
    expect(validate(parse(read('letter.md').split(/^---$/m)[1]!) as object)).toBe(true);
  });

  it('points the editor at the JSON Schema by a path inside the project, not one of this machine', () => {
    for (const file of ['assets/init/resume.md', ...EXAMPLES.map((e) => `assets/init/examples/${e}.md`)]) {
      const reference = /^---\n# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(file, 'utf8'))?.[1];
      expect(reference, file).toBe('./node_modules/mdcv/schema/mdcv.schema.json');
    }
    // What the path names once the project's `npm install` has put mdcv in node_modules/mdcv.
    expect(PACKAGE.files).toContain('schema');
    expect(existsSync('schema/mdcv.schema.json')).toBe(true);
    expect(read('resume.md')).not.toContain(process.cwd());
  });

  it('has examples (and placeholders) that the JSON Schema accepts', () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync('schema/mdcv.schema.json', 'utf8')) as object,
    );
    for (const file of ['assets/init/resume.md', ...EXAMPLES.map((e) => `assets/init/examples/${e}.md`)]) {
      const frontmatter = parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as object;
      expect(validate(frontmatter), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('pins the mdcv that made it, in package.json', () => {
    const pkg = JSON.parse(read('package.json')) as { private: boolean; devDependencies: Record<string, string> };
    expect(pkg.private).toBe(true);
    expect(pkg.devDependencies).toEqual({ mdcv: PACKAGE.version });
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['out/', 'node_modules/']));
  });

  it('has a Makefile with make, watch, clean and help, which runs the pinned mdcv when installed', async () => {
    const help = await execa('make', ['-s', '--no-print-directory', 'help'], { cwd: dir, env: MAKE_ENV });
    expect(help.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['all', 'watch', 'needs', 'clean', 'help']);
    const dry = await make(dir, '-n');
    expect(dry.stdout).toBe(`node ${CLI} build resume.md letter.md --out out --format pdf,html,txt,docx`);
    const plain = await execa('make', ['-n', '--no-print-directory'], { cwd: dir, env: MAKE_ENV });
    expect(plain.stdout).toBe('mdcv build resume.md letter.md --out out --format pdf,html,txt,docx');
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/.bin/mdcv'), '');
    const pinned = await execa('make', ['-n', '--no-print-directory'], { cwd: dir, env: MAKE_ENV });
    expect(pinned.stdout).toBe('node_modules/.bin/mdcv build resume.md letter.md --out out --format pdf,html,txt,docx');
  });

  it('never overwrites a file that exists', async () => {
    writeFileSync(path.join(dir, 'resume.md'), 'mine');
    const again = await mdcv(['init'], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(read('resume.md')).toBe('mine');
    expect(again.stdout).not.toContain('wrote');
    expect(again.stderr.split('\n').filter(Boolean)).toHaveLength(FILES.length);
  });
});

describe("the scaffold's make", () => {
  it('lists what a cover letter in another script needs beside the resume (the CI workflow installs it)', async () => {
    const dir = tempDir('init-needs');
    expect((await mdcv(['init', '-q', dir])).exitCode).toBe(0);
    const before = await make(dir, '-s', 'needs');
    expect(before.exitCode, before.stderr).toBe(0);
    expect(before.stdout).not.toMatch(/^xelatex\t/m);
    const letter = path.join(dir, 'letter.md');
    writeFileSync(letter, readFileSync(letter, 'utf8').replace(/^Dear .*$/m, '尊敬的招聘经理：'));
    const after = await make(dir, '-s', 'needs');
    expect(after.stdout).toMatch(/^pdflatex\t/m);
    expect(after.stdout).toMatch(/^xelatex\ttexlive-xetex$/m);
    expect(after.stdout).toMatch(/^font:Noto Serif CJK SC\tfonts-noto-cjk$/m);
  }, 60_000);

  it('rebuilds after a change to the photo or a theme folder, and not otherwise', async () => {
    const dir = tempDir('init-make');
    expect((await mdcv(['init', dir])).exitCode).toBe(0);
    expect((await mdcv(['theme', 'eject', 'classic', path.join(dir, 'my-theme')])).exitCode).toBe(0);
    writeFileSync(
      path.join(dir, 'resume.md'),
      readFileSync(path.join(dir, 'resume.md'), 'utf8').replace(
        'photo: photo.png',
        'photo: photo.png\ntheme: ./my-theme',
      ),
    );
    const first = await make(dir);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(wrote(first.stdout, dir)).toEqual([
      ...LETTER_OUTPUTS,
      'out/resume.docx',
      'out/resume.html',
      'out/resume.pdf',
      'out/resume.txt',
    ]);
    expect((await make(dir)).stdout).not.toMatch(/^wrote/m);

    const css = path.join(dir, 'my-theme/style.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nh1 { letter-spacing: 0.1em; }\n`);
    expect(wrote((await make(dir)).stdout, dir)).toContain('out/resume.html');

    // A new photo: the same picture with bytes after its end, which readers ignore.
    appendFileSync(path.join(dir, 'photo.png'), 'a new photo');
    expect(wrote((await make(dir)).stdout, dir)).toEqual([
      ...LETTER_OUTPUTS,
      'out/resume.docx',
      'out/resume.html',
      'out/resume.pdf',
      'out/resume.txt',
    ]);

    // A second letter is built beside the first, as is any Markdown file that names the resume.
    writeFileSync(path.join(dir, 'to-acme.md'), readFileSync(path.join(dir, 'letter.md'), 'utf8'));
    // Notes that speak of `resume:` in their text are no letter.
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nresume: the frontmatter key of a letter\n');
    expect(wrote((await make(dir)).stdout, dir)).toEqual([
      'out/to-acme.docx',
      'out/to-acme.html',
      'out/to-acme.pdf',
      'out/to-acme.txt',
    ]);
  }, 120_000);
});

describe('mdcv init with a file name, an example, or a wrong target', () => {
  it('starts NAME.md in the current folder, and the Makefile builds it', async () => {
    const dir = tempDir('init-name');
    const run = await mdcv(['init', 'cv.md'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(wrote(run.stdout, dir)).toEqual(FILES.map((f) => (f === 'resume.md' ? 'cv.md' : f)).sort());
    expect(run.stdout).toContain('next: edit cv.md, then run `make`');
    expect((await make(dir, '-n')).stdout).toBe(
      `node ${CLI} build cv.md letter.md --out out --format pdf,html,txt,docx`,
    );
    expect(readFileSync(path.join(dir, 'letter.md'), 'utf8')).toMatch(/^resume: cv\.md$/m);
    expect((await make(dir, '-n', 'needs')).stdout).toBe(`node ${CLI} doctor --needs cv.md letter.md`);
  });

  it('starts DIR/NAME.md in a new folder', async () => {
    const dir = tempDir('init-nested');
    const run = await mdcv(['init', 'my-resume/resume.md'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(wrote(run.stdout, path.join(dir, 'my-resume'), dir)).toEqual(FILES);
  });

  it('refuses a target that is a file, or a folder named like a resume, in one line', async () => {
    const dir = tempDir('init-wrong');
    writeFileSync(path.join(dir, 'notes'), '');
    const file = await mdcv(['init', 'notes'], { cwd: dir });
    expect(file.exitCode).toBe(1);
    expect(file.stderr.trim()).toMatch(/^notes: error: this is a file, not a folder .*\(`mdcv init DIR` starts/);
    mkdirSync(path.join(dir, 'old.md'));
    const folder = await mdcv(['init', 'old.md'], { cwd: dir });
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
    expect(folder.stderr).toMatch(/^old\.md: error: this is a folder/);
    const below = await mdcv(['init', 'notes/cv'], { cwd: dir });
    expect(below.exitCode).toBe(73);
    expect(below.stderr.trim()).toBe('mdcv: cannot write notes/cv: `notes` is a file, not a folder (ENOTDIR)');
    expect(readdirSync(dir).sort()).toEqual(['notes', 'old.md']);
  });

  it.each(EXAMPLES)('--example %s gives a realistic one-page resume, without variants', async (example) => {
    const dir = tempDir(`init-${example}`);
    const run = await mdcv(['init', '--example', example, dir]);
    expect(run.exitCode, run.stderr).toBe(0);
    const markdown = readFileSync(path.join(dir, 'resume.md'), 'utf8');
    expect(markdown).toBe(readFileSync(`assets/init/examples/${example}.md`, 'utf8'));
    expect(markdown).not.toMatch(/^variants:/m);
    const build = await mdcv(['build', '-q'], { cwd: dir });
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const name = /^name: (.+)$/m.exec(markdown)![1]!;
    expect(pdfText(path.join(dir, 'out/resume.pdf'))).toContain(name);
    expect(pdfInfo(path.join(dir, 'out/resume.pdf')).Pages).toBe('1');
  });

  it('lists the examples in its help, and names them when given another', async () => {
    expect(EXAMPLES.sort()).toEqual(['designer', 'engineer', 'nurse']);
    expect((await mdcv(['init', '--help'])).stdout.replace(/\s+/g, ' ')).toContain(
      `placeholders: ${EXAMPLES.join(', ')}`,
    );
    const wrong = await mdcv(['init', '--example', 'pilot', tempDir('init-pilot')]);
    expect(wrong.exitCode).toBe(64);
    expect(wrong.stderr.trim()).toMatch(
      /^mdcv init: error: .*there is no example `pilot`; the examples are designer, engineer, nurse \(see `mdcv init --help`\)$/,
    );
  });
});
