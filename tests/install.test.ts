import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/cli.js';
import { pdfText } from './support/pdf.js';

// A clean environment: under `make test`, the outer make's flags would leak in.
const MAKE_ENV = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * README's way in, as a person takes it: `make install` packs the package and installs the
 * tarball into an empty prefix; then `mdcv init` and the scaffold's own `make` with only
 * that prefix's mdcv on PATH. The checkout is copied first: packing rebuilds dist/, which
 * the other tests run from.
 */
describe('make install, then mdcv init and make in a new folder', () => {
  const checkout = tempDir('checkout');
  const prefix = tempDir('prefix');
  const project = tempDir('project');
  const env = { ...MAKE_ENV, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
  let install: Awaited<ReturnType<typeof execa>>;

  beforeAll(async () => {
    const files = (await execa('git', ['ls-files', '--cached', '--others', '--exclude-standard'])).stdout.split('\n');
    for (const file of files.filter((f) => f && !f.startsWith('tests/') && existsSync(f))) {
      mkdirSync(path.join(checkout, path.dirname(file)), { recursive: true });
      cpSync(file, path.join(checkout, file), { preserveTimestamps: true });
    }
    symlinkSync(path.resolve('node_modules'), path.join(checkout, 'node_modules'));
    // `-o`: the npm packages are there (the link); npm ci must not replace them.
    install = await execa(
      'make',
      ['--no-print-directory', '-o', 'node_modules/.package-lock.json', 'install', `PREFIX=${prefix}`],
      {
        cwd: checkout,
        env: MAKE_ENV,
        reject: false,
      },
    );
  }, 400_000);

  it('installs the packed package, built, with the command on PATH', async () => {
    expect(install.exitCode, `${install.stdout}\n${install.stderr}`).toBe(0);
    const installed = path.join(prefix, 'lib/node_modules/mdcv');
    for (const file of [
      'dist/bin/mdcv.js',
      'dist/bin/main.cjs',
      'dist/index.js',
      'dist/index.d.ts',
      'templates/modern/theme.yaml',
      'schema/mdcv.schema.json',
      'assets/init/Makefile',
    ]) {
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    }
    expect(existsSync(path.join(installed, 'src')) || existsSync(path.join(installed, 'tests'))).toBe(false);
    const which = await execa('mdcv', ['--version'], { env, cwd: project });
    expect(which.stdout).toBe(version);
  });

  it('scaffolds a project whose own make builds the PDF', async () => {
    const init = await execa('mdcv', ['init'], { env, cwd: project, reject: false });
    expect(init.exitCode, init.stderr).toBe(0);
    const make = await execa('make', ['--no-print-directory'], { env, cwd: project, reject: false });
    expect(make.exitCode, `${make.stdout}\n${make.stderr}`).toBe(0);
    expect(pdfText(path.join(project, 'out/resume.pdf'))).toContain('Your Name');
    expect(existsSync(path.join(project, 'out/resume.html'))).toBe(true);
  }, 120_000);
});
