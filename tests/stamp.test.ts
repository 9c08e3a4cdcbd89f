import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import type { BuildOptions } from '../src/model/build.js';
import { CLI, mdcv, pathWithout, tempDir } from './support/cli.js';

describe('an unchanged build', () => {
  const src = tempDir('stamp');
  const file = path.join(src, 'resume.md');
  const options: BuildOptions = {
    file,
    outDir: path.join(src, 'out'),
    cacheDir: tempDir('stamp-cache'),
    formats: ['pdf', 'tex'],
  };
  const pdf = path.join(src, 'out', 'resume.pdf');
  let firstWrite: number;
  beforeAll(async () => {
    // A mistyped key: a warning the unchanged build must still report.
    writeFileSync(
      file,
      readFileSync('resume.md', 'utf8').replace('name: Your Name', 'name: Your Name\nheadlin: Engineer'),
    );
    cpSync('photo.png', path.join(src, 'photo.png'));
    const first = await build(options);
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    firstWrite = statSync(pdf).mtimeMs;
  });

  it('runs nothing and leaves the outputs as they are', async () => {
    const again = await build(options);
    expect(again).toMatchObject({
      ok: true,
      unchanged: true,
      outputs: { pdf, tex: path.join(src, 'out', 'resume.tex') },
    });
    expect(again.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('headlin') }),
    ]);
    expect(statSync(pdf).mtimeMs).toBe(firstWrite);
  });

  it('builds again when the Markdown, the photo, an option or an output changes', async () => {
    const rebuilt = async (): Promise<boolean> => {
      const result = await build(options);
      expect(result.ok).toBe(true);
      return result.unchanged !== true;
    };
    appendFileSync(file, '\nOne more line.\n');
    expect(await rebuilt()).toBe(true);
    expect(await rebuilt()).toBe(false);
    appendFileSync(path.join(src, 'photo.png'), Buffer.from([0]));
    expect(await rebuilt()).toBe(true);
    expect(await rebuilt()).toBe(false);
    writeFileSync(pdf, 'edited by hand');
    expect(await rebuilt()).toBe(true);
    const html = await build({ ...options, formats: ['pdf', 'tex', 'html'] });
    expect(html.unchanged).toBeUndefined();
    expect(html.outputs.html).toBeDefined();
  });

  it('builds again when a file is added to, or changed in, its own theme folder', async () => {
    const theme = path.join(src, 'mytheme');
    mkdirSync(path.join(theme, 'partials'), { recursive: true });
    writeFileSync(path.join(theme, 'theme.yaml'), 'extends: classic\n');
    const own = { ...options, theme: './mytheme' };
    expect((await build(own)).unchanged).toBeUndefined();
    expect((await build(own)).unchanged).toBe(true);
    // A partial of its own now overrides the base theme's.
    writeFileSync(
      path.join(theme, 'partials', 'section.tex.hbs'),
      readFileSync('templates/classic/partials/section.tex.hbs', 'utf8').replace(
        '{{arg title}}',
        '{{arg title}} (own)',
      ),
    );
    const added = await build(own);
    expect(added.unchanged).toBeUndefined();
    expect(readFileSync(added.outputs.tex!, 'utf8')).toContain('(own)');
    expect((await build(own)).unchanged).toBe(true);
    appendFileSync(path.join(theme, 'theme.yaml'), '# edited\n');
    expect((await build(own)).unchanged).toBeUndefined();
    // Touched, not changed: its content says so.
    utimesSync(path.join(theme, 'theme.yaml'), new Date(), new Date(Date.now() + 60_000));
    expect((await build(own)).unchanged).toBe(true);
  });

  it('is never assumed with `cache: false`', async () => {
    const before = statSync(pdf).mtimeMs;
    const cold = await build({ ...options, formats: ['pdf', 'tex', 'html'], cache: false });
    expect(cold.unchanged).toBeUndefined();
    expect(statSync(pdf).mtimeMs).toBeGreaterThan(before);
  });
});

describe.runIf(process.platform === 'linux')('an unchanged build of a theme from outside mdcv', () => {
  it('tells that the engine ran without its sandbox only while that is so (bubblewrap installed since: built again)', async () => {
    const dir = tempDir('stamp-unsandboxed');
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine', 'theme.yaml'), 'extends: classic\n');
    writeFileSync(
      path.join(dir, 'resume.md'),
      '---\nname: Ada Lovelace\ntheme: ./mine\n---\n\nWrote the first program.\n',
    );
    const cache = { MDCV_CACHE_DIR: tempDir('stamp-unsandboxed-cache') };
    const noSandbox = { ...cache, PATH: pathWithout('bwrap') };
    const run = (env: Record<string, string>) => mdcv(['build', 'resume.md', '--format', 'pdf'], { cwd: dir, env });
    const unsandboxed = /^resume\.md:3: warning: the engine runs without its sandbox here/m;

    const first = await run(noSandbox);
    expect(first.stderr).toMatch(unsandboxed);
    // Still so: the stamp tells it again, and nothing runs.
    const again = await run(noSandbox);
    expect(again.stdout).toBe('unchanged out/resume.pdf');
    expect(again.stderr).toMatch(unsandboxed);
    // bubblewrap on PATH now: built again, in the sandbox, without the warning.
    const sandboxed = await run(cache);
    expect(sandboxed.exitCode, sandboxed.stderr).toBe(0);
    expect(sandboxed.stdout).toBe('wrote out/resume.pdf');
    expect(sandboxed.stderr).not.toMatch(/warning/);
    expect((await run(cache)).stdout).toBe('unchanged out/resume.pdf');
    // Gone again: nothing runs, so there is nothing to tell.
    const unchanged = await run(noSandbox);
    expect(unchanged.stdout).toBe('unchanged out/resume.pdf');
    expect(unchanged.stderr).not.toMatch(/warning/);
  }, 60_000);
});

// The stamp reads the Markdown to see whether it changed: from a pipe, that read waited for a writer that might never
// come (and then no signal could end mdcv), or took the text the build then found empty.
describe('a resume read from a pipe', () => {
  const dir = tempDir('pipe');
  const resume = '---\nname: Ada Lovelace\n---\n\n## Skills\n\nTyping from a pipe.\n';
  const bash = (script: string) =>
    execa('bash', ['-c', script], {
      cwd: dir,
      env: { CLI },
      reject: false,
      stdin: 'ignore',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });

  it('is read as it comes, once, by the build', async () => {
    const run = await bash(`node "$CLI" build <(sleep 0.5; printf '%s' '${resume}') -f txt -q --out out`);
    expect(run.exitCode, run.stderr).toBe(0);
    const [txt] = readdirSync(path.join(dir, 'out'));
    expect(readFileSync(path.join(dir, 'out', txt!), 'utf8')).toContain('Typing from a pipe.');
  });

  it('that no program writes to is an empty file, not a wait', async () => {
    execFileSync('mkfifo', [path.join(dir, 'nobody.md')]);
    const run = await mdcv(['build', 'nobody.md', '-f', 'txt'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^nobody\.md:1:1: error: the file is empty/);
  });

  it('or a device that never ends (/dev/zero) is read no further than the limit', async () => {
    const run = await mdcv(['build', '/dev/zero', '-f', 'txt'], { cwd: dir });
    expect(run.stderr).toBe(
      '/dev/zero: error: the file is over 1 MB; a resume is at most 1 MB (is this the right file?)',
    );
    expect(run.exitCode).toBe(1);
  });

  it('that never ends ends with a signal', async () => {
    const run = await bash('node "$CLI" build <(sleep 60 2>/dev/null) -f txt & sleep 2; kill -TERM $!; wait $!');
    expect(run.exitCode).toBe(143);
    expect(run.durationMs).toBeLessThan(20_000);
  });
});
