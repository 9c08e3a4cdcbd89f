import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadline, OUTPUT_LIMIT, run } from '../../src/typeset/run.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process is still there to run (a zombie waiting for its reaper has ended). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

describe('run', () => {
  it("gives the program's output, errors and exit code, and never throws on failure", async () => {
    const result = await run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(result).toEqual({ exitCode: 3, timedOut: false, stdout: 'out\n', stderr: 'err\n' });
  });

  it('says ENOENT for a program that is not installed', async () => {
    const result = await run('mdcv-no-such-program', []);
    expect(result.code).toBe('ENOENT');
    expect(result.exitCode).toBeUndefined();
    // An engine started ahead is given its input later.
    const waiting = await run('mdcv-no-such-program', [], { input: sleep(200).then(() => 'x') });
    expect(waiting.code).toBe('ENOENT');
  });

  it('passes arguments as they are, without a shell', async () => {
    const result = await run('printf', ['%s', '$HOME; echo `id` > x']);
    expect(result.stdout).toBe('$HOME; echo `id` > x');
  });

  it('runs in the folder given, with variables added to the environment', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-run-'));
    const result = await run('sh', ['-c', 'pwd; echo "$MDCV_RUN_TEST"; echo "$PATH"'], {
      cwd: dir,
      env: { MDCV_RUN_TEST: 'given' },
    });
    expect(result.stdout).toBe(`${dir}\ngiven\n${process.env.PATH}\n`);
  });

  it('closes stdin when there is no input', async () => {
    const result = await run('cat', [], { timeout: 10_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stdout: '' });
  });

  it('writes the input once known, and counts the timeout from then', async () => {
    const input = sleep(600).then(() => 'given late\n');
    const result = await run('cat', [], { input, timeout: 400 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stdout: 'given late\n' });
  });

  it('kills a program past its timeout, with what it started (its whole process group)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-run-'));
    const started = performance.now();
    const result = await run('sh', ['-c', 'sleep 30 & echo $! > child; wait'], { cwd: dir, timeout: 300 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeUndefined();
    const child = Number(readFileSync(path.join(dir, 'child'), 'utf8'));
    await sleep(100);
    expect(alive(child)).toBe(false);
  });

  it('kills the program when its signal aborts, before or while it runs', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const running = run('sleep', ['30'], { signal: stop.signal });
    setTimeout(() => stop.abort(), 200);
    expect(await running).toMatchObject({ exitCode: undefined, timedOut: false });
    expect((await run('sleep', ['30'], { signal: stop.signal })).exitCode).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops a program that prints without end at once, keeping no more than the limit of it', async () => {
    const started = performance.now();
    const result = await run('yes', [], { timeout: 60_000 });
    expect(result).toMatchObject({ overran: 'output', timedOut: false, exitCode: undefined });
    expect(result.stdout.length).toBeGreaterThan(OUTPUT_LIMIT / 2);
    expect(result.stdout.length).toBeLessThan(OUTPUT_LIMIT + 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops a program that fills its folder, with what it started, soon after the limit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-run-'));
    const limit = 8 * 1024 * 1024;
    // Into a folder below, a MB a time, from a program the shell started.
    const fill = 'mkdir -p sub; (while :; do head -c 1048576 /dev/zero >> sub/fill; sleep 0.01; done) & wait';
    const result = await run('sh', ['-c', fill], { cwd: dir, timeout: 60_000, folder: { dir, maxBytes: limit } });
    expect(result).toMatchObject({ overran: 'files', timedOut: false, exitCode: undefined });
    const size = statSync(path.join(dir, 'sub/fill')).size;
    expect(size).toBeGreaterThan(limit);
    await sleep(300);
    expect(statSync(path.join(dir, 'sub/fill')).size).toBe(size);
  });

  it('lets a program that keeps within both limits run to its end', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-run-'));
    const result = await run('sh', ['-c', 'head -c 1048576 /dev/zero > a; sleep 0.5; head -c 3000000 /dev/zero'], {
      cwd: dir,
      folder: { dir, maxBytes: 2 * 1024 * 1024 },
    });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.overran).toBeUndefined();
    expect(result.stdout).toHaveLength(3_000_000);
  });
});

describe('deadline', () => {
  it('counts a budget down from when it is made, never below 0', async () => {
    const long = deadline(60_000);
    const short = deadline(50);
    expect(long()).toBeGreaterThan(50_000);
    await sleep(100);
    // A timer may fire a fraction of a millisecond early by performance.now()'s clock (59 900.26 left, once).
    expect(long()).toBeLessThanOrEqual(59_901);
    expect(short()).toBe(0);
  });

  it('counts from `since` when given: a build started before the budget was made', () => {
    const started = performance.now() - 400;
    expect(deadline(1000, started)()).toBeLessThanOrEqual(600);
    expect(deadline(300, started)()).toBe(0);
  });
});
