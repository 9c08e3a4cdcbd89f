import { execa } from 'execa';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
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

  it('is what package.json ships: a small entry that runs the one-file bundle beside it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(path.resolve(pkg.bin.mdcv!)).toBe(BUNDLE);
    expect(statSync(BUNDLE).size).toBeLessThan(10_000);
    expect(statSync(path.resolve('dist/bin/main.cjs')).size).toBeGreaterThan(100_000);
  });

  it('keeps its compiled code per command, and starts anyway from a broken cache, which it replaces', async () => {
    const codeDir = path.join(env.MDCV_CACHE_DIR, 'code');
    rmSync(codeDir, { recursive: true, force: true });
    expect((await run(['validate', 'a.md'])).exitCode).toBe(0);
    const [cache] = readdirSync(codeDir);
    expect(cache).toMatch(new RegExp(`^${process.version}-${process.arch}-\\d+-\\d+-validate\\.bin$`));
    const file = path.join(codeDir, cache!);
    const written = readFileSync(file);
    // Accepted: the next run leaves it as it is.
    expect((await run(['validate', 'a.md'])).exitCode).toBe(0);
    expect(readFileSync(file).equals(written)).toBe(true);
    for (const broken of [Buffer.from('not a code cache'), written.subarray(0, written.length >> 1)]) {
      writeFileSync(file, broken);
      const again = await run(['validate', 'a.md']);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stderr).toBe('');
      const replaced = readFileSync(file);
      expect(replaced.equals(broken)).toBe(false);
      // ...by one that the next run accepts.
      await run(['validate', 'a.md']);
      expect(readFileSync(file).equals(replaced)).toBe(true);
    }
    // Old caches (other builds of mdcv) are let go beyond the newest 16.
    rmSync(codeDir, { recursive: true, force: true });
    mkdirSync(codeDir);
    for (let i = 0; i < 20; i++) {
      writeFileSync(path.join(codeDir, `old-${i}.bin`), 'x');
      utimesSync(path.join(codeDir, `old-${i}.bin`), 1_000 + i, 1_000 + i);
    }
    expect((await run(['validate', 'a.md'])).exitCode).toBe(0);
    const kept = readdirSync(codeDir);
    expect(kept).toHaveLength(16);
    expect(kept.some((name) => name.endsWith('-validate.bin'))).toBe(true);
    expect(kept).not.toContain('old-0.bin');
    // A failed run writes none; --no-cache neither reads nor writes one.
    rmSync(codeDir, { recursive: true, force: true });
    expect((await run(['validate', 'missing.md'])).exitCode).toBe(1);
    expect((await run(['build', 'a.md', '--no-cache', '-q'])).exitCode).toBe(0);
    expect(existsSync(codeDir) ? readdirSync(codeDir) : []).toEqual([]);
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

  it("loads the built-in modules a build uses before it sets V8's flags, under which Node's cache of them fails", async () => {
    // Notes the built-ins loaded when the first flag is set, and at the end.
    const hook = `
      import v8 from 'node:v8';
      import { syncBuiltinESMExports } from 'node:module';
      const set = v8.setFlagsFromString;
      const builtins = () => process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
      let before;
      v8.setFlagsFromString = (flag) => {
        before ??= builtins();
        return set(flag);
      };
      syncBuiltinESMExports();
      process.on('exit', () => process.stderr.write('mdcv-loaded ' + JSON.stringify([before, builtins()])));`;
    const build = await execa(
      'node',
      ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, BUNDLE, 'build', 'b.md', '-q', '--no-cache'],
      {
        cwd: dir,
        env,
        reject: false,
      },
    );
    expect(build.exitCode, build.stderr).toBe(0);
    const [before, atEnd] = JSON.parse(/mdcv-loaded (.*)/.exec(build.stderr)![1]!) as [string[], string[]];
    const used = atEnd.filter((name) => builtinModules.includes(name));
    expect(used).toContain('child_process');
    expect(used.filter((name) => !before.includes(name))).toEqual([]);
  });
});
