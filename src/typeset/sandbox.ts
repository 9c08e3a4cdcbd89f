import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type RunOptions, type RunResult } from './run.js';

/**
 * TeX's own restrictions, for both engines: no shell escape; reading and writing only by
 * relative names inside the folder the engine runs in (`openin_any=p`, `openout_any=p`).
 * One log line per message (TeX wraps at 79 columns by default), so the log reader sees it whole.
 * glibc's malloc in huge pages (where the kernel offers them, and ignored where it has no such
 * tunable): TeX's memory arrays, 30 MB filled from the format, then fault in 2 MB pages instead
 * of 4 KB ones, a fifth of each run's system time.
 */
export const TEX_RESTRICTIONS = {
  openin_any: 'p',
  openout_any: 'p',
  shell_escape: 'f',
  max_print_line: '10000',
  GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, 'glibc.malloc.hugetlb=1'].filter(Boolean).join(':'),
};

/**
 * What an engine may write into its folder: far beyond a build's (the photo, up to 20 MB, and a PDF holding it for
 * each variant), short of filling a disk as a TeX loop would, at some 30 MB a second, until its timeout.
 */
export const FOLDER_LIMIT = 512 * 1024 * 1024;

export interface EngineRunOptions extends Omit<RunOptions, 'cwd' | 'env' | 'folder'> {
  /** The build folder: the engine runs there, and it is all it may write. */
  dir: string;
  /** Files outside it the engine must read (the precompiled preamble). */
  readable?: readonly string[];
}

/**
 * Runs a TeX engine in bubblewrap's sandbox where it is installed and works (Linux): the
 * engine sees the system's programs and libraries, the TeX tree and fonts, read-only, and
 * its build folder; not the home folder, /etc, /tmp, /proc or the network, and none of
 * mdcv's environment. That closes what TeX's own restrictions leave open: xdvipdfmx, which
 * xelatex runs to write the PDF, reads any file a `\special` names. Elsewhere the engine
 * runs with TeX's restrictions only.
 */
export async function runEngine(
  engine: string,
  args: readonly string[],
  options: EngineRunOptions,
): Promise<RunResult> {
  const { dir, readable = [], ...given } = options;
  // All it writes is in its folder: a loop writing there is stopped as one printing to the terminal is.
  const rest = { ...given, folder: { dir, maxBytes: FOLDER_LIMIT } };
  if (sandbox.usable && bubblewrap() !== undefined) {
    const result = await run(bubblewrap()!, [...sandboxArgs(dir, readable), engine, ...args], rest);
    if (!failedToStart(result)) return result;
    // Namespaces forbidden here (a container without them, say): TeX's own restrictions it is.
    sandbox.usable = false;
    sandbox.problem = result.stderr.trim().replace(/^bwrap: /, 'bubblewrap cannot run: ');
  }
  return run(engine, args, { ...rest, cwd: dir, env: TEX_RESTRICTIONS });
}

/** Whether the engine runs in the sandbox (as far as known: a failure to start it is found on first use). */
export function sandboxStatus(): { sandboxed: boolean; problem?: string } {
  if (process.platform !== 'linux') return { sandboxed: false, problem: 'the sandbox (bubblewrap) is for Linux only' };
  if (bubblewrap() === undefined) return { sandboxed: false, problem: 'bubblewrap (bwrap) is not installed' };
  return sandbox.usable ? { sandboxed: true } : { sandboxed: false, problem: sandbox.problem };
}

/** Whether the sandbox works here: a program is run in it. */
export async function probeSandbox(): Promise<{ sandboxed: boolean; problem?: string }> {
  if (bubblewrap() !== undefined && sandbox.usable) await runEngine('true', [], { dir: os.tmpdir(), timeout: 20_000 });
  return sandboxStatus();
}

const sandbox: { usable: boolean; problem?: string } = { usable: process.platform === 'linux' };

/** bwrap reports its own failures as `bwrap: ...` and exits 1, before the engine exists. */
function failedToStart(result: RunResult): boolean {
  return result.exitCode === 1 && result.stdout === '' && /^bwrap: /.test(result.stderr);
}

let bwrapPath: string | null | undefined;

function bubblewrap(): string | undefined {
  if (bwrapPath === undefined) bwrapPath = onPath('bwrap') ?? null;
  return bwrapPath ?? undefined;
}

/** A program's path on PATH, looked up synchronously (see files/read.ts). */
function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, program);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Variables passed into the sandbox: where programs and TeX's trees are, the locale, reproducible dates. */
const PASSED = /^(PATH|HOME|LANG|LC_[A-Z]+|TZ|SOURCE_DATE_EPOCH|FORCE_SOURCE_DATE|TEXMF[A-Z]*|OSFONTDIR)$/;

function sandboxArgs(dir: string, readable: readonly string[]): string[] {
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv'];
  args.push('--dev', '/dev', '--tmpfs', '/tmp');
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && PASSED.test(name)) args.push('--setenv', name, value);
  }
  for (const [name, value] of Object.entries(TEX_RESTRICTIONS)) args.push('--setenv', name, value);
  for (const [kind, from, to] of systemMounts()) args.push(kind, from, to);
  // A file gone since (a format removed from the cache) is the engine's to report, not the sandbox's.
  for (const file of readable) args.push('--ro-bind-try', file, file);
  args.push('--bind', dir, dir, '--chdir', dir);
  return args;
}

type Mount = ['--ro-bind' | '--symlink', string, string];
let mounts: Mount[] | undefined;

/**
 * What the engine may read: programs and libraries, the TeX tree (Debian's or TeX Live's own,
 * wherever the engine is), TeX's and fontconfig's configuration and caches, and fonts.
 */
function systemMounts(): Mount[] {
  if (mounts) return mounts;
  const home = os.homedir();
  const wanted = [
    '/usr',
    '/bin',
    '/sbin',
    '/lib',
    '/lib32',
    '/lib64',
    '/etc/texmf',
    '/etc/fonts',
    '/etc/ld.so.cache',
    '/etc/alternatives',
    '/var/lib/texmf',
    '/var/cache/fontconfig',
    ...['texmf', '.fonts', '.local/share/fonts', '.cache/fontconfig'].map((folder) => path.join(home, folder)),
    ...texLiveRoots(),
  ];
  mounts = [];
  for (const where of new Set(wanted)) {
    const found = lstatSync(where, { throwIfNoEntry: false });
    if (found?.isSymbolicLink() && path.dirname(where) === '/') mounts.push(['--symlink', readlinkSync(where), where]);
    else if (found) mounts.push(['--ro-bind', where, where]);
  }
  return mounts;
}

/** A TeX Live installed outside /usr (`/usr/local/texlive/2024/bin/x86_64-linux/pdftex`): its root. */
function texLiveRoots(): string[] {
  const roots: string[] = [];
  for (const engine of ['pdftex', 'xetex', 'xdvipdfmx']) {
    const found = onPath(engine);
    if (!found) continue;
    const binary = realpathSync(found);
    if (!binary.startsWith('/usr/')) roots.push(path.resolve(path.dirname(binary), '../..'));
  }
  return roots;
}
