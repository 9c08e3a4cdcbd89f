import { execa } from 'execa';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, mdcv, tempDir } from '../support/cli.js';
import { CAN_MOUNT, tmpfs } from '../support/mount.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const ESC = '\u001b[';

describe('mdcv conventions', () => {
  it('prints its version from package.json', async () => {
    const run = await mdcv(['--version']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('lists its commands in --help, and every command has --help', async () => {
    const run = await mdcv(['--help']);
    expect(run.exitCode).toBe(0);
    const commands = [...run.stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z-]+)/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toContain('build');
    for (const command of commands) {
      const help = await mdcv([command, '--help']);
      expect(help.exitCode, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`^Usage: mdcv ${command}`));
    }
  });

  it('exits 64 on wrong usage, naming the problem in one line and where the usage is', async () => {
    const run = await mdcv(['build', '--format', 'pdf,odt']);
    expect(run.exitCode).toBe(64);
    expect(run.stderr).toContain('formats are pdf, html, tex, txt, png, json, docx; got `pdf,odt`');
    for (const [args, line] of [
      [['build', '--bogus'], "mdcv build: error: unknown option '--bogus' (see `mdcv build --help`)"],
      [['buidl'], "mdcv: error: unknown command 'buidl' (Did you mean build?) (see `mdcv --help`)"],
      [
        ['theme', 'eject', 'modern'],
        "mdcv theme eject: error: missing required argument 'dir' (see `mdcv theme eject --help`)",
      ],
    ] as const) {
      const wrong = await mdcv([...args]);
      expect(wrong.exitCode, args.join(' ')).toBe(64);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr).toBe(line);
    }
  });

  it('says each default once in the help', async () => {
    const help = (await mdcv(['build', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('-j, --jobs <n> how many files to build at once (default: one more than the cores)');
    expect(help.match(/\(default: [^)]*\) \(default:/g)).toBeNull();
  });

  it('carries on, without a word, when its reader stops early (`| head`)', async () => {
    const dir = tempDir('pipe');
    for (const [from, to] of [
      ['resume.md', 'a.md'],
      ['resume.md', 'b.md'],
      ['photo.png', 'photo.png'],
    ] as const)
      copyFileSync(from, path.join(dir, to));
    // `true` has long exited when mdcv first writes: every line it prints meets a closed pipe.
    const run = await execa('bash', ['-c', `set -o pipefail; node ${CLI} build a.md b.md --format html,txt | true`], {
      cwd: dir,
      reject: false,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    for (const file of ['a.html', 'b.html', 'a.txt', 'b.txt'])
      expect(existsSync(path.join(dir, 'out', file)), file).toBe(true);
  });

  it('exits 1 when the resume has errors', async () => {
    const run = await mdcv(['build', 'no-such-file.md', '--out', tempDir('missing')]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^no-such-file\.md: error: cannot read the file/m);
    const empty = await mdcv(['build'], { cwd: tempDir('empty') });
    expect(empty.stderr.trim()).toBe(
      'resume.md: error: cannot read the file: no such file (`mdcv init` starts a resume here)',
    );
  });
});

describe('mdcv build --format txt,png', () => {
  const out = tempDir('formats');
  let run: Awaited<ReturnType<typeof mdcv>>;
  let quiet: Awaited<ReturnType<typeof mdcv>>;
  beforeAll(async () => {
    run = await mdcv(['build', 'resume.md', '--out', out, '--format', 'txt,png']);
    quiet = await mdcv(['build', 'resume.md', '--out', tempDir('quiet'), '--format', 'txt', '-q']);
  });

  it('writes just the formats asked for', () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'resume.txt'))).toBe(true);
    expect(existsSync(path.join(out, 'resume.png'))).toBe(true);
    expect(existsSync(path.join(out, 'resume.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'resume.html'))).toBe(false);
  });

  it('writes page 1 as a PNG', async () => {
    const png = readFileSync(path.join(out, 'resume.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // Letter paper at 150 dpi.
    expect([width, height]).toEqual([1275, 1650]);
  });

  it('reports each step with its time, without colour off a terminal', () => {
    // In ms, or in s from 1 s on (a busy machine once took 1.7 s to parse it).
    expect(run.stderr).toMatch(/^parse +[\d.]+ m?s$/m);
    expect(run.stderr).toMatch(/^render +[\d.]+ m?s$/m);
    expect(run.stderr).toMatch(/^typeset +[\d.]+ m?s$/m);
    expect(run.stdout).toContain(`wrote ${path.relative(process.cwd(), path.join(out, 'resume.txt'))}`);
    expect(run.stdout + run.stderr).not.toContain(ESC);
  });

  it('prints nothing but problems with -q', () => {
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    // `script` gives the CLI a real terminal; the warning comes from an unknown key.
    const dir = tempDir('tty');
    const file = path.join(dir, 'r.md');
    await execa('sh', ['-c', `printf -- '---\\nname: A\\nemial: a@b.c\\n---\\n' > ${file}`]);
    const command = `node ${CLI} build ${file} --out ${dir} --format txt`;
    const tty = await execa('script', ['-qec', command, '/dev/null'], { reject: false, env: { NO_COLOR: '' } });
    expect(tty.stdout).toContain(`${ESC}33mwarning:`);
    const noColor = await execa('script', ['-qec', command, '/dev/null'], { reject: false, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toContain('warning:');
    expect(noColor.stdout).not.toContain(ESC);
  });
});

describe('a file mdcv cannot write is one line naming it and the cause, never an internal error', () => {
  const GOOD = '---\nname: Ada Lovelace\n---\n\n## Experience\n\n- Wrote the first program.\n';
  const project = (): string => {
    const dir = tempDir('write-errors');
    writeFileSync(path.join(dir, 'resume.md'), GOOD);
    writeFileSync(path.join(dir, 'afile'), 'in the way');
    return dir;
  };

  it.each([
    [
      '--out is a file',
      ['build', 'resume.md', '--out', 'afile', '--format', 'html'],
      'mdcv: cannot write afile: `afile` is a file, not a folder (EEXIST)',
    ],
    [
      '--out is under a file',
      ['build', 'resume.md', '--out', 'afile/sub', '--format', 'html'],
      'mdcv: cannot write afile/sub: `afile` is a file, not a folder (ENOTDIR)',
    ],
    [
      'export -o into a missing folder',
      ['export', 'resume.md', '-o', '/missing/dir/x.json'],
      'mdcv: cannot write /missing/dir/x.json: no such folder (ENOENT)',
    ],
    [
      'import -o under a file',
      ['import', 'x.json', '-o', 'afile/x.md'],
      'mdcv: cannot write afile/x.md: `afile` is a file, not a folder (ENOTDIR)',
    ],
    [
      'theme eject into a file',
      ['theme', 'eject', 'classic', 'afile'],
      'mdcv: cannot write afile: `afile` is a file, not a folder (EEXIST)',
    ],
    [
      'init under a file',
      ['init', 'afile/cv'],
      'mdcv: cannot write afile/cv: `afile` is a file, not a folder (ENOTDIR)',
    ],
  ])('%s: exit 73', async (_, args, message) => {
    const dir = project();
    writeFileSync(path.join(dir, 'x.json'), '{"basics":{"name":"Ada"}}');
    const run = await mdcv([...args, '-q'], { cwd: dir });
    expect(run.stderr.split('\n').at(-1)).toBe(message);
    expect(run.stderr).not.toContain('internal error');
    expect(run.exitCode).toBe(73);
  });

  it('a build that cannot write tells its warnings first, then the one-line error', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'resume.md'), GOOD.replace('the first', 'the [first](javascript:alert(1))'));
    const run = await mdcv(['build', 'resume.md', '--out', 'afile', '--format', 'html', '-q'], { cwd: dir });
    expect(run.stderr.split('\n')).toEqual([
      'resume.md:7:13: warning: link target `javascript:alert(1)` is dropped (only http, https, mailto and tel links are kept); its text is kept',
      'mdcv: cannot write afile: `afile` is a file, not a folder (EEXIST)',
    ]);
    expect(run.exitCode).toBe(73);
  });

  it.skipIf(!CAN_MOUNT)('a read-only output folder: exit 73, EROFS', async () => {
    const dir = project();
    const disk = tmpfs('1m');
    try {
      disk.readOnly();
      const run = await mdcv(['build', 'resume.md', '--out', path.join(disk.dir, 'out'), '--format', 'html', '-q'], {
        cwd: dir,
      });
      expect(run.stderr).toBe(`mdcv: cannot write ${path.join(disk.dir, 'out')}: the file system is read-only (EROFS)`);
      expect(run.exitCode).toBe(73);
    } finally {
      disk.unmount();
    }
  });
});
