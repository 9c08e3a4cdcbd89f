import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { mdcv, tempDir } from './support/cli.js';
import { printed, STACK_LINE } from './support/diagnostics.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Each folder in tests/fixtures/bad-input is one input a person might hand
 * mdcv: `input.md` (and what it refers to), and `expected.txt`, what
 * `mdcv validate` prints for it. A new case is a new folder.
 */
const FIXTURES = path.join(ROOT, 'tests/fixtures/bad-input');
const cases = readdirSync(FIXTURES).sort();

describe('bad input gets a clear diagnostic', () => {
  it.each(cases)('%s', async (name) => {
    const file = path.relative(ROOT, path.join(FIXTURES, name, 'input.md'));
    const started = Date.now();
    const result = await validate({ file });
    const output = printed(result.diagnostics);
    await expect(output).toMatchFileSnapshot(path.join(FIXTURES, name, 'expected.txt'));
    // An error for every failing case, on a FILE:LINE:COL line (or FILE: for the file as a whole).
    expect(result.ok).toBe(!/: error: /.test(output));
    for (const d of result.diagnostics) expect(d.message).not.toMatch(/\n/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a 5 MB file is refused at once, before it is read', async () => {
    const dir = tempDir('huge');
    const file = path.join(dir, 'huge.md');
    writeFileSync(
      file,
      `---\nname: Ada\n---\n\n## Experience\n\n${'- A line of a very long resume.\n'.repeat(163_840)}`,
    );
    const result = await validate({ file });
    expect(printed(result.diagnostics)).toBe(
      `${file}: error: the file is 5.0 MB; a resume is at most 1 MB (is this the right file?)\n`,
    );
  });

  it('a file that never ends (/dev/zero) is read no further than the limit', async () => {
    expect(printed((await validate({ file: '/dev/zero' })).diagnostics)).toBe(
      '/dev/zero: error: the file is over 1 MB; a resume is at most 1 MB (is this the right file?)\n',
    );
  });

  it('a missing file or a folder is one line', async () => {
    expect(printed((await validate({ file: 'no/such.md' })).diagnostics)).toBe(
      'no/such.md: error: cannot read the file: no such file\n',
    );
    expect(printed((await validate({ file: 'tests' })).diagnostics)).toBe(
      'tests: error: cannot read the file: it is a folder\n',
    );
  });

  it('the CLI prints the same for every case, exits 1, and never a stack trace', async () => {
    const files = cases.map((name) => path.relative(ROOT, path.join(FIXTURES, name, 'input.md')));
    const run = await mdcv(['validate', ...files], { cwd: ROOT });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const expected = cases.map((name) => readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')).join('');
    expect(`${run.stderr}\n`).toBe(expected);
    const passing = cases.filter(
      (name) => !/: error: /.test(readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8')),
    );
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(
      passing.map((name) => `tests/fixtures/bad-input/${name}/input.md: ok`),
    );
  });

  it('exits 0 when there are only warnings, and 64 for wrong usage', async () => {
    const warned = await mdcv(['validate', 'tests/fixtures/bad-input/typo-warning/input.md'], { cwd: ROOT });
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toBe('tests/fixtures/bad-input/typo-warning/input.md: ok');
    expect(warned.stderr).toContain('did you mean `email`?');
    const usage = await mdcv(['build', 'resume.md', '--timeout', 'soon'], { cwd: ROOT });
    expect(usage.exitCode).toBe(64);
    expect(usage.stderr).toContain(
      "option '--timeout <seconds>' argument 'soon' is invalid. expected a number of seconds, more than 0; got `soon`",
    );
  });

  it('validates the seed resume as it ships', async () => {
    expect(existsSync(path.join(ROOT, 'resume.md'))).toBe(true);
    const result = await validate({ file: path.join(ROOT, 'resume.md') });
    expect(result).toEqual({ ok: true, diagnostics: [] });
  });

  it('writes nothing anywhere with --no-cache (and only into the cache folder without it)', async () => {
    const cache = path.join(tempDir('validate-cache'), 'cache');
    const run = (args: string[]) =>
      mdcv(['validate', 'resume.md', ...args], { cwd: ROOT, env: { MDCV_CACHE_DIR: cache } });
    expect((await run(['--no-cache'])).stdout).toBe('resume.md: ok');
    expect(existsSync(cache)).toBe(false);
    expect((await run([])).stdout).toBe('resume.md: ok');
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });
});
