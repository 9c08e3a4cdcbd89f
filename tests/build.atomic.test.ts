import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { BUILTIN_THEMES_DIR } from '../src/render/theme.js';
import { CLI, mdcv, tempDir } from './support/cli.js';
import { pdfText } from './support/pdf.js';
import { processesIn } from './support/processes.js';
import { CAN_MOUNT, tmpfs } from './support/mount.js';

const GOOD = '---\nname: Ada Lovelace\n---\n\n## Experience\n\n- Wrote the first program.\n';

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]),
  );
}

describe('outputs are replaced whole or not at all', () => {
  it.each([
    ['a frontmatter error', '---\nname: Ada Lovelace\npaper: a5\n---\n\n## Experience\n'],
    ['a TeX error', `${GOOD}- A snowman ☃.\n`],
  ])('a build that fails with %s keeps the last good PDF, HTML and .tex', async (_, broken) => {
    const dir = tempDir('keep');
    const file = path.join(dir, 'resume.md');
    const out = path.join(dir, 'out');
    writeFileSync(file, GOOD);
    expect((await build({ file, outDir: out })).ok).toBe(true);
    const before = snapshot(out);
    expect(Object.keys(before)).toEqual(['resume.html', 'resume.pdf', 'resume.tex']);
    writeFileSync(file, broken);
    const result = await build({ file, outDir: out });
    expect(result.ok).toBe(false);
    expect(result.outputs).toEqual({});
    expect(snapshot(out)).toEqual(before);
  });

  it('two builds into one folder at once both finish, and leave whole files', async () => {
    const dir = tempDir('concurrent');
    const out = path.join(dir, 'out');
    for (const who of ['a', 'b']) {
      mkdirSync(path.join(dir, who));
      writeFileSync(path.join(dir, who, 'resume.md'), GOOD.replace('Ada Lovelace', `Ada ${who.toUpperCase()}`));
    }
    const runs = await Promise.all(
      ['a', 'b'].map((who) => mdcv(['build', `${who}/resume.md`, '--out', out, '-q'], { cwd: dir })),
    );
    for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['resume.html', 'resume.pdf', 'resume.tex']);
    expect(pdfText(path.join(out, 'resume.pdf'))).toMatch(/Ada [AB]/);
    expect(execFileSync('pdfinfo', [path.join(out, 'resume.pdf')], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    expect(readFileSync(path.join(out, 'resume.html'), 'utf8')).toMatch(/Ada [AB][\s\S]*<\/html>\s*$/);
    expect(readFileSync(path.join(out, 'resume.tex'), 'utf8')).toMatch(/Ada [AB][\s\S]*\\end\{document\}\s*$/);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'a build stopped by %s leaves no scratch or partial file, and the last good outputs',
    async (signal, code) => {
      const dir = tempDir('interrupt');
      const scratch = path.join(dir, 'tmp');
      const out = path.join(dir, 'out');
      mkdirSync(scratch);
      const file = path.join(dir, 'resume.md');
      writeFileSync(file, GOOD);
      expect((await build({ file, outDir: out })).ok).toBe(true);
      const before = snapshot(out);

      // A theme that never finishes, so the build is surely mid-typeset when the signal comes.
      const theme = path.join(dir, 'spin');
      cpSync(path.join(BUILTIN_THEMES_DIR, 'classic'), theme, { recursive: true });
      const main = path.join(theme, 'resume.tex.hbs');
      writeFileSync(
        main,
        readFileSync(main, 'utf8').replace('\\begin{document}', '\\begin{document}\\def\\spin{\\spin}\\spin'),
      );
      writeFileSync(file, GOOD.replace('---\n\n', `theme: ./spin\n---\n\n`));

      const run = execa('node', [CLI, 'build', 'resume.md', '-q'], {
        cwd: dir,
        env: { TMPDIR: scratch },
        reject: false,
      });
      // Wait until the engine is at work in its scratch folder.
      for (
        let i = 0;
        i < 100 && !readdirSync(scratch).some((d) => existsSync(path.join(scratch, d, 'resume.log')));
        i++
      )
        await sleep(100);
      expect(readdirSync(scratch)).toHaveLength(1);
      run.kill(signal);
      const result = await run;
      expect(result.exitCode).toBe(code);
      expect(result.stderr).toBe('');
      expect(readdirSync(scratch)).toEqual([]);
      expect(snapshot(out)).toEqual(before);
      // The engine went with it (execa stops its child when mdcv exits; give the signal a moment).
      for (let i = 0; i < 20 && processesIn(scratch).length > 0; i++) await sleep(100);
      expect(processesIn(scratch)).toEqual([]);
    },
  );

  it.skipIf(!CAN_MOUNT)(
    'a disk that fills up while the outputs are written keeps the old set whole: no new PDF beside the old HTML (exit 74)',
    async () => {
      const dir = tempDir('full');
      const file = path.join(dir, 'resume.md');
      // The new resume's HTML is larger than the old PDF: a PDF replaced first would free too little for it.
      const LONG = `${GOOD}${Array.from({ length: 1500 }, (_, i) => `- Item ${i}: wrote a careful note on the engine's ${i}th operation card.\n`).join('')}`;
      writeFileSync(file, LONG);
      const sizes = path.join(dir, 'sizes');
      expect((await build({ file, outDir: sizes })).ok).toBe(true);
      const size = (name: string, at = sizes) => statSync(path.join(at, name)).size;

      const disk = tmpfs('4m');
      try {
        const out = path.join(disk.dir, 'out');
        writeFileSync(file, GOOD);
        expect((await build({ file, outDir: out })).ok).toBe(true);
        const before = snapshot(out);
        expect(size('resume.html')).toBeGreaterThan(size('resume.pdf', out) + 16 * 1024);
        // Room for the new PDF and a little more, not for the new HTML too.
        writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(disk.free() - size('resume.pdf') - 8 * 1024));
        writeFileSync(file, LONG);
        const run = await mdcv(['build', file, '--out', out, '-q']);
        expect(run.stderr).toMatch(/^mdcv: cannot write .*out\/resume\.\w+: no space left on the device \(ENOSPC\)$/);
        expect(run.exitCode).toBe(74);
        expect(snapshot(out)).toEqual(before);
      } finally {
        disk.unmount();
      }
    },
  );
});
