import { execa } from 'execa';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, mdcv, tempDir } from '../../support/cli.js';

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('mdcv watch FILE that is not there', () => {
  it('says so, serves nothing, and builds the file once it is saved', async () => {
    const dir = tempDir('watch-later');
    const child = execa('node', [CLI, 'watch', 'later.md', '--port', '0'], {
      cwd: dir,
      reject: false,
      stdin: 'ignore',
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await until(() => stderr.includes('\n'), 'the first line');
      expect(stderr).toBe(
        'later.md does not exist yet: it is built, with a live preview, once it is saved there (Ctrl-C to stop)\n',
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(stdout).toBe('');
      writeFileSync(
        path.join(dir, 'later.md'),
        '---\nname: Ada Lovelace\n---\n\n## Experience\n\n- Wrote the first program.\n',
      );
      await until(() => /^wrote out\/later\.pdf$/m.test(stdout), 'the build');
      expect(stdout).toMatch(/^watching later\.md; preview at http:\/\/127\.0\.0\.1:\d+\//);
      expect(existsSync(path.join(dir, 'out/later.html'))).toBe(true);
    } finally {
      child.kill();
      await child;
    }
  });

  it('in a folder that is not there either, is an error', async () => {
    const run = await mdcv(['watch', 'drafts/cv.md', '--port', '0'], { cwd: tempDir('watch-nofolder') });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('drafts/cv.md: error: cannot watch the file: its folder drafts does not exist');
    expect(run.stdout).toBe('');
  });
});
