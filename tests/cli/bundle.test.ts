import { execa } from 'execa';
import { cpSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

const BUNDLE = path.resolve('dist/bin/mdcv.js');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the bundled CLI (package.json bin)', () => {
  const dir = tempDir('bundle');
  const env = { MDCV_CACHE_DIR: tempDir('bundle-cache') };
  const run = (args: string[]) => execa('node', [BUNDLE, ...args], { cwd: dir, env, reject: false, stdin: 'ignore' });
  beforeAll(async () => {
    await execa('node', ['scripts/bundle.mjs']);
    for (const name of ['a.md', 'b.md']) cpSync('resume.md', path.join(dir, name));
    cpSync('photo.png', path.join(dir, 'photo.png'));
  });

  it('is what package.json ships, and keeps the pipeline out of its entry file', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(path.resolve(pkg.bin.mdcv!)).toBe(BUNDLE);
    // The parser, templates and engine live in chunks loaded by a build that has work to do.
    expect(statSync(BUNDLE).size).toBeLessThan(150_000);
  });

  it('runs: version, several resumes at once, then nothing to do, then --no-cache', async () => {
    expect((await run(['--version'])).stdout.trim()).toBe(version);
    const first = await run(['build', 'a.md', 'b.md', '-q']);
    expect(first.exitCode, first.stderr).toBe(0);
    const pdf = path.join(dir, 'out', 'b.pdf');
    const written = statSync(pdf).mtimeMs;
    const again = await run(['build', 'a.md', 'b.md']);
    expect(again.stdout).toContain('unchanged out/a.pdf');
    expect(again.stdout).toContain('unchanged out/b.pdf');
    expect(statSync(pdf).mtimeMs).toBe(written);
    const cold = await run(['build', 'b.md', '--no-cache']);
    expect(cold.stdout).toContain('wrote out/b.pdf');
    expect(statSync(pdf).mtimeMs).toBeGreaterThan(written);
  });
});
