import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, BuildResult, BuildSources, Outputs } from './model/build.js';
import type { Diagnostic } from './model/diagnostic.js';
import type { EngineName } from './model/scripts.js';
import { defaultCacheDir } from './cache.js';
import { fileStates, type FileState } from './files/walk.js';
import { readIfThere } from './files/read.js';
import { contentHashes, sha256Of } from './files/hash.js';
import { writeWhole } from './files/write.js';
import { outputName } from './model/outputs.js';
import { MAX_BYTES } from './parse/limits.js';
import { CODE_VERSION } from './package.js';

/**
 * Nothing to do, nothing done: a stamp in the cache, one per output folder and
 * name, records what the outputs were made from (the Markdown, the build's
 * options, mdcv's build, the hash of every file read: photo, theme) and the
 * outputs as written. While all of it is unchanged, a build leaves the outputs
 * as they are.
 */

interface Stamp {
  key: string;
  /** What the build read (the photo, the theme's folders), with each file's content hash. */
  inputs: Inputs;
  /** Each output as written, by kind; the variants' by variant then kind. */
  outputs: Record<string, FileState>;
  variants: Record<string, Record<string, FileState>>;
  diagnostics: Diagnostic[];
  /** The engine the main output was typeset with, for the next build to start it ahead. */
  engine?: EngineRecord;
  /** The engine ran a theme's TeX unsandboxed, and a warning says so: true only while the sandbox cannot run. */
  unsandboxed?: true;
  sources?: BuildSources;
}

export interface EngineRecord {
  engine: EngineName;
  /** The precompiled preamble it started from, if any. */
  format?: string;
}

/**
 * Where a build's stamp is, and its key: what decides the outputs before any
 * other file is read (the Markdown, the options, mdcv's build).
 */
export interface StampPlace {
  file: string;
  key: string;
}

function stampPlace(options: BuildOptions, source: Buffer): StampPlace {
  const {
    onProgress: _progress,
    cache: _cache,
    cacheDir = defaultCacheDir(),
    timeout: _timeout,
    keepWarm: _warm,
    engineAhead: _ahead,
    outDir = 'out',
    ...decisive
  } = options;
  const outputs = path.join(path.resolve(outDir), outputName(options.file, options.tags));
  return {
    file: path.join(cacheDir, 'stamps', `${sha256Of(outputs).slice(0, 32)}.json`),
    key: sha256Of(JSON.stringify([CODE_VERSION, outputs, decisive, sha256Of(source)])),
  };
}

/** What a build learns from its stamp, reading the Markdown and the stamp once. */
export interface StampCheck {
  /** Where this build's stamp goes, and its key (none without a cache, or without a source). */
  place?: StampPlace;
  /** The last build's result, when nothing it depends on has changed since and its outputs are as it wrote them. */
  unchanged?: BuildResult;
  /** The engine the last successful build of these outputs ran, whatever has changed since. */
  engine?: EngineRecord;
}

/** Light on purpose: the CLI checks it before loading the pipeline's modules. */
export async function checkStamp(options: BuildOptions): Promise<StampCheck> {
  if (options.cache === false) return {};
  // A pipe is read once, by the build: read here, it would wait for its writer and leave the build nothing. A file over
  // the limit the build refuses unread.
  const state = statSync(options.file, { throwIfNoEntry: false });
  if (!state?.isFile() || state.size > MAX_BYTES) return {};
  const source = readIfThere(options.file);
  if (source === undefined) return {};
  const place = stampPlace(options, source);
  let last: Stamp;
  try {
    last = JSON.parse(readIfThere(place.file)!.toString()) as Stamp;
  } catch {
    // No stamp yet, or a broken one: build.
    return { place };
  }
  return { place, engine: last.engine, unchanged: await unchangedSince(last, place.key) };
}

async function unchangedSince(last: Stamp, key: string): Promise<BuildResult | undefined> {
  try {
    if (last.key !== key) return undefined;
    const written = [last.outputs, ...Object.values(last.variants)].flatMap((outputs) => Object.values(outputs));
    const states = written.map((o) => statSync(o.file));
    if (written.some((o, i) => o.size !== states[i]!.size || o.mtimeMs !== states[i]!.mtimeMs)) return undefined;
    if (!(await unchangedInputs(last.inputs))) return undefined;
    if (last.unsandboxed && (await sandboxRuns())) return undefined;
    return {
      ok: true,
      diagnostics: last.diagnostics,
      outputs: files(last.outputs),
      variants: Object.fromEntries(
        Object.entries(last.variants).map(([variant, outputs]) => [variant, files(outputs)]),
      ),
      unchanged: true,
      ...(last.sources && { sources: last.sources }),
    };
  } catch {
    // An output gone, or a stamp of another shape: build.
    return undefined;
  }
}

/** Whether the sandbox runs here now (bubblewrap installed since): loaded only for a stamp that asks. */
async function sandboxRuns(): Promise<boolean> {
  const { probeSandbox } = await import('./typeset/sandbox.js');
  return (await probeSandbox()).sandboxed;
}

/**
 * What a build read: the paths it was given (a folder stands for every file in it) and each file in them, with its
 * content hash.
 */
export interface Inputs {
  paths: string[];
  files: (FileState & { sha256: string })[];
}

/** Every file at these paths (a file added to a folder is a change too), with its content hash. */
export async function hashInputs(paths: readonly string[]): Promise<Inputs> {
  const states = fileStates(paths);
  const hashes = await contentHashes(states);
  return { paths: [...paths], files: states.map((state) => ({ ...state, sha256: hashes[state.file]! })) };
}

/** The same files as recorded: by size and time, and by content where those moved (a file touched, not changed). */
async function unchangedInputs(recorded: Inputs): Promise<boolean> {
  const now = fileStates(recorded.paths);
  if (now.length !== recorded.files.length || now.some((state, i) => state.file !== recorded.files[i]!.file))
    return false;
  const moved = now.filter(
    (state, i) => state.size !== recorded.files[i]!.size || state.mtimeMs !== recorded.files[i]!.mtimeMs,
  );
  if (moved.length === 0) return true;
  const hashes = await contentHashes(moved);
  return moved.every((state) => hashes[state.file] === recorded.files.find((file) => file.file === state.file)!.sha256);
}

/** Records a successful build's inputs and outputs, for the next build to compare against. */
export async function writeStamp(
  place: StampPlace,
  inputs: Inputs,
  result: BuildResult,
  engine?: EngineRecord,
  unsandboxed = false,
): Promise<void> {
  const record: Stamp = {
    engine,
    ...(unsandboxed && { unsandboxed }),
    key: place.key,
    inputs,
    outputs: states(result.outputs),
    variants: Object.fromEntries(
      Object.entries(result.variants).map(([variant, outputs]) => [variant, states(outputs)]),
    ),
    diagnostics: result.diagnostics,
    sources: result.sources,
  };
  await mkdir(path.dirname(place.file), { recursive: true });
  writeWhole(place.file, JSON.stringify(record));
}

function states(outputs: Outputs): Record<string, FileState> {
  const entries = Object.entries(outputs).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries(
    entries.map(([kind, file]) => {
      const { size, mtimeMs } = statSync(file);
      return [kind, { file, size, mtimeMs }];
    }),
  );
}

function files(outputs: Record<string, FileState>): Outputs {
  return Object.fromEntries(Object.entries(outputs).map(([kind, o]) => [kind, o.file]));
}
