import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, mdcv, tempDir } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';

const FILES = ['.github/workflows/ci.yml', '.github/workflows/release.yml', '.gitignore', 'Makefile', 'photo.png', 'resume.md'];

describe('mdcv init, then mdcv build', () => {
  const dir = tempDir('init');
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  let init: Awaited<ReturnType<typeof mdcv>>;
  let build: Awaited<ReturnType<typeof mdcv>>;
  beforeAll(async () => {
    init = await mdcv(['init', dir]);
    build = await mdcv(['build', '-q'], { cwd: dir });
  });

  it('scaffolds the project', () => {
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout.split('\n').filter((l) => l.startsWith('wrote')).map((l) => path.relative(dir, path.resolve(l.slice(6)))).sort()).toEqual(FILES);
    expect(readFileSync(path.join(dir, 'photo.png'))).toEqual(readFileSync('assets/placeholder-photo.png'));
  });

  it('gives a PDF with the example in it', async () => {
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const text = pdfText(path.join(dir, 'out/resume.pdf'), 'layout');
    expect(text).toContain('Your Name');
    expect(text).toContain('A second achievement.');
    expect(text).not.toContain('backend');
  });

  it('points the editor at the shipped JSON Schema, which accepts the example', () => {
    const first = read('resume.md').split('\n').slice(0, 2);
    expect(first[0]).toBe('---');
    const reference = /^# yaml-language-server: \$schema=(\S+)$/.exec(first[1]!)?.[1];
    expect(reference).toBeDefined();
    const schemaFile = reference!.startsWith('file:') ? fileURLToPath(reference!) : path.resolve(dir, reference!);
    expect(schemaFile).toBe(path.resolve('schema/mdcv.schema.json'));
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const frontmatter = parse(read('resume.md').split(/^---$/m)[1]!) as object;
    expect(validate(frontmatter), JSON.stringify(validate.errors)).toBe(true);
  });

  it('fills in the version the workflows install', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(read('.github/workflows/ci.yml')).toContain(`npm install --global mdcv@${version}`);
    expect(read('.github/workflows/release.yml')).not.toContain('{{version}}');
  });

  it('has a Makefile with make, watch, clean and help', async () => {
    // A clean environment: under `make test`, the outer make's flags would leak in.
    const env = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };
    const help = await execa('make', ['-s', '--no-print-directory', 'help'], { cwd: dir, env });
    expect(help.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['all', 'watch', 'clean', 'help']);
    const dry = await execa('make', ['-n', '-B', '--no-print-directory', `MDCV=node ${CLI}`], { cwd: dir, env });
    expect(dry.stdout).toBe(`node ${CLI} build resume.md --out out --format pdf,html,txt`);
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
