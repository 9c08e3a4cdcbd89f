import { readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sha256Of } from '../files/hash.js';
import { writeWhole } from '../files/write.js';
import { oldestBeyond } from '../files/prune.js';
import { runEngine } from './sandbox.js';

/**
 * The precompiled preamble: everything a theme's LaTeX has above the marker
 * line depends only on the theme and settings, so it is loaded once, dumped
 * into a format file, and each later run starts from that format instead of
 * reading a dozen packages again. The generated .tex stays a whole document
 * that typesets by itself; the format only skips what it already holds.
 */

/** The line every theme's `resume.tex.hbs` has between the cacheable preamble and the per-document part. */
export const PREAMBLE_MARKER = '%%% mdcv:';

/**
 * TeX run after the preamble, before `\dump`. At the start of every job from
 * the format, the input is read with every character inert (so braces need not
 * balance) up to the end of the marker line, and TeX goes on from there.
 */
const DUMP_TAIL = [
  '',
  '\\makeatletter',
  // What \begin{document} loads in every job, loaded once here: the backend, the graphics
  // driver's MetaPost support, and (pdfTeX only: XeTeX cannot dump an OpenType font) the body fonts.
  '\\csname @expl@sys@load@backend@@\\endcsname',
  '\\csname GPT@LoadSuppPdf\\endcsname',
  '\\ifdefined\\pdftexversion\\setbox0\\hbox{\\normalfont x\\bfseries x\\normalfont\\itshape x}\\fi',
  '\\def\\mdcv@skippreamble{\\begingroup\\let\\do\\@makeother\\dospecials\\catcode13=13 \\mdcv@skipto}',
  // `\mdcv@skipto` ends at the marker `%%% mdcv:`, as inert characters, and the line end after it.
  '\\begingroup\\catcode`\\|=12 \\lccode`\\|=`\\% \\catcode`\\/=12 \\lccode`\\/=32 \\lccode`\\~=13',
  '\\lowercase{\\endgroup\\long\\def\\mdcv@skipto#1|||/mdcv:#2~}{\\endgroup}',
  '\\everyjob\\expandafter{\\the\\everyjob\\mdcv@skippreamble}',
  '\\makeatother',
  '\\dump',
  '',
].join('\n');

/** Bumped when the way formats are made changes, so old cache entries are left alone. */
const LAYOUT = 'mdcv-format-2';
/** Formats are about 20 MB each: keep the most recently made few. */
const KEEP = 8;

export interface PreambleFormat {
  /** The format file without its `.fmt`, as the engine's `-fmt=` takes it. */
  path: string;
  /** Made by this call (not found in the cache). */
  fresh: boolean;
  /** Never use this format again: it failed where a run without it worked. */
  distrust(): Promise<void>;
}

export interface FormatOptions {
  engine: string;
  /** The whole generated document. */
  tex: string;
  /** The build folder: files the preamble reads by a relative name are found here. */
  workDir: string;
  cacheDir: string;
  timeout: number;
}

interface InputState {
  file: string;
  size?: number;
  mtimeMs?: number;
  /** For files read from the build folder, their content's hash. */
  sha256?: string;
}

type Meta = { usable: false } | { usable: true; size: number; mtimeMs: number; inputs: InputState[] };

/** The part of a document above the marker line, or undefined when it has none. */
export function preambleOf(tex: string): string | undefined {
  const at = tex.search(/^%%% mdcv:/m);
  // Lines that are only a comment (such as the one naming the source file) do nothing: one format serves every file.
  return at < 0 ? undefined : tex.slice(0, at).replace(/^[ \t]*%.*\n/gm, '');
}

const building = new Map<string, Promise<Meta | undefined>>();

/**
 * A format holding the document's preamble, made on first use and cached by
 * the preamble's text and the engine's binary. It is used only while every
 * file it was made from is unchanged (the engine's own base format, packages,
 * fonts): anything stale or unreadable is made again, never trusted. Undefined
 * when there is nothing to cache (no marker, no engine, an engine that cannot
 * dump this preamble): the caller then typesets without a format.
 */
export async function preambleFormat(options: FormatOptions): Promise<PreambleFormat | undefined> {
  const preamble = preambleOf(options.tex);
  const engine = engineIdentity(options.engine);
  if (preamble === undefined || engine === undefined) return undefined;
  const key = sha256Of(`${LAYOUT}\0${options.engine}\0${engine}\0${preamble}\0${DUMP_TAIL}`).slice(0, 32);
  const dir = path.join(options.cacheDir, 'formats');
  const base = path.join(dir, key);
  let meta = await readMeta(base);
  let fresh = false;
  if (!meta || (meta.usable && !(await isCurrent(base, meta, options.workDir)))) {
    let pending = building.get(base);
    if (!pending) {
      pending = makeFormat(base, preamble, options).finally(() => building.delete(base));
      building.set(base, pending);
    }
    meta = await pending;
    fresh = true;
  }
  if (!meta?.usable) return undefined;
  return {
    path: base,
    fresh,
    // A format that fails right after being made cannot be made to work: remember that. An older one is made again next
    // time.
    distrust: async () => {
      await (fresh ? writeMeta(base, { usable: false }) : rm(`${base}.json`, { force: true }));
    },
  };
}

async function readMeta(base: string): Promise<Meta | undefined> {
  try {
    return JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Meta;
  } catch {
    return undefined;
  }
}

async function isCurrent(base: string, meta: Extract<Meta, { usable: true }>, workDir: string): Promise<boolean> {
  const [format, ...inputs] = await Promise.all([
    stateOf(`${base}.fmt`),
    ...meta.inputs.map((input) => stateOf(input.file, input.sha256 ? workDir : undefined)),
  ]);
  if (format?.size !== meta.size || format.mtimeMs !== meta.mtimeMs) return false;
  return meta.inputs.every((input, i) => sameState(input, inputs[i]));
}

function sameState(a: InputState, b: InputState | undefined): boolean {
  return b !== undefined && a.size === b.size && (a.sha256 ? a.sha256 === b.sha256 : a.mtimeMs === b.mtimeMs);
}

/** Size and time of an absolute file; size and content hash of a file relative to `workDir`. */
async function stateOf(file: string, workDir?: string): Promise<InputState | undefined> {
  try {
    if (workDir === undefined) {
      // Synchronous (see files/read.ts).
      const found = statSync(file, { throwIfNoEntry: false });
      return found && { file, size: found.size, mtimeMs: found.mtimeMs };
    }
    const bytes = readFileSync(path.join(workDir, file));
    return { file, size: bytes.length, sha256: sha256Of(bytes) };
  } catch {
    return undefined;
  }
}

async function makeFormat(base: string, preamble: string, options: FormatOptions): Promise<Meta | undefined> {
  const { engine, workDir, timeout } = options;
  const job = `mdcv-format-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const source = `${job}.tex`;
  await writeFile(path.join(workDir, source), preamble + DUMP_TAIL);
  const run = await runEngine(
    engine,
    ['-ini', '-interaction=nonstopmode', '-halt-on-error', '-recorder', `-jobname=${job}`, `&${engine}`, source],
    { dir: workDir, timeout },
  );
  try {
    // A timeout or a kill says nothing about the preamble: try again next time rather than remembering it.
    if (run.timedOut || run.code === 'ENOENT' || run.exitCode === undefined) return undefined;
    if (run.exitCode !== 0) return await writeMeta(base, { usable: false });
    // The engine writes formats gzipped; it reads them uncompressed too, and that saves it most of its start-up.
    const dumped = await readFile(path.join(workDir, `${job}.fmt`));
    const format = dumped[0] === 0x1f && dumped[1] === 0x8b ? gunzipSync(dumped) : dumped;
    const inputs = await recordedInputs(path.join(workDir, `${job}.fls`), source, workDir);
    if (!inputs) return undefined;
    await mkdir(path.dirname(base), { recursive: true });
    writeWhole(`${base}.fmt`, format);
    const { size, mtimeMs } = await stat(`${base}.fmt`);
    const meta = await writeMeta(base, { usable: true, size, mtimeMs, inputs });
    await prune(path.dirname(base));
    return meta;
  } catch {
    // An unwritable cache is no reason to fail a build: go on without it.
    return undefined;
  } finally {
    await Promise.all(
      ['tex', 'fmt', 'fls', 'log'].map((ext) => rm(path.join(workDir, `${job}.${ext}`), { force: true })),
    );
  }
}

/** Every file the dump read (from the engine's `-recorder` list), with what tells later whether it changed. */
async function recordedInputs(fls: string, source: string, workDir: string): Promise<InputState[] | undefined> {
  const files = new Set<string>();
  for (const line of (await readFile(fls, 'utf8')).split('\n')) {
    if (line.startsWith('INPUT ')) files.add(line.slice('INPUT '.length).trim());
  }
  files.delete(source);
  files.delete(`./${source}`);
  const states = await Promise.all(
    [...files].map((file) => stateOf(file, path.isAbsolute(file) ? undefined : workDir)),
  );
  return states.every((s) => s !== undefined) ? (states as InputState[]) : undefined;
}

async function writeMeta(base: string, meta: Meta): Promise<Meta> {
  await mkdir(path.dirname(base), { recursive: true });
  writeWhole(`${base}.json`, JSON.stringify(meta));
  return meta;
}

/** Each format goes with its record (`KEY.json` beside `KEY.fmt`). */
async function prune(dir: string): Promise<void> {
  const records = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  const old = oldestBeyond(records, KEEP).map((record) => record.slice(0, -'.json'.length));
  await Promise.all(old.flatMap((base) => [rm(`${base}.json`, { force: true }), rm(`${base}.fmt`, { force: true })]));
}

const engineIdentities = new Map<string, string | undefined>();

/**
 * The engine's binary (found on PATH), by path, size and time: a new version
 * is a new binary. Looked up synchronously (see files/read.ts).
 */
function engineIdentity(engine: string): string | undefined {
  if (!engineIdentities.has(engine)) {
    let identity: string | undefined;
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
      try {
        const binary = realpathSync(path.join(dir, engine));
        const found = statSync(binary);
        if (found.isFile()) {
          identity = `${binary}:${found.size}:${found.mtimeMs}`;
          break;
        }
      } catch {
        // not in this folder
      }
    }
    engineIdentities.set(engine, identity);
  }
  return engineIdentities.get(engine);
}
