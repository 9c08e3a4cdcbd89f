import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

/** The CLI as installed: package.json's `bin`, compiled JavaScript. */
const ROOT = path.join(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { mdcv: string } }).bin.mdcv);

function mdcv(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
}

test('`mdcv build` defaults to resume.md and out/ in the current folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-cli-'));
  writeFileSync(path.join(dir, 'resume.md'), '# Ada Lovelace\n\n## Work\n\n### Engine | 1843\n- Notes\n');
  const run = mdcv(['build'], dir);
  expect(run.stderr).not.toMatch(/error|warning/);
  expect(run.status).toBe(0);
  for (const ext of ['pdf', 'html', 'tex']) expect(existsSync(path.join(dir, 'out', `resume.${ext}`))).toBe(true);
  expect(execFileSync('pdftotext', [path.join(dir, 'out/resume.pdf'), '-'], { encoding: 'utf8' })).toContain('Ada Lovelace');
});

test('a mistake gets one line naming the file and line, exit 1, and keeps the last good output', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-cli-'));
  const file = path.join(dir, 'cv.md');
  writeFileSync(file, '---\nname: Ada\n---\n');
  expect(mdcv(['build', 'cv.md', '--out', 'build'], dir).status).toBe(0);
  const good = readFileSync(path.join(dir, 'build/cv.pdf'));

  writeFileSync(file, '---\nname: Ada\npaper: a5\n---\n');
  const run = mdcv(['build', 'cv.md', '--out', 'build'], dir);
  expect(run.status).toBe(1);
  const [first] = run.stderr.split('\n');
  expect(first).toMatch(/^cv\.md:3:\d+: error: .*paper/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(path.join(dir, 'build/cv.pdf')).equals(good)).toBe(true);
});

test('a missing file is one clear line', () => {
  const run = mdcv(['build', 'nope.md'], os.tmpdir());
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe('nope.md: error: cannot read the file: no such file');
});
