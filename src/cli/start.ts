#!/usr/bin/env node
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { defaultCacheDir } from '../cache.js';
import { writeWhole } from '../files/write.js';
import { oldestBeyond } from '../files/prune.js';

/**
 * The shipped command (dist/bin/mdcv.js): runs the one-file bundle of the CLI
 * beside it (main.cjs) from V8's code cache. Compiling a megabyte of
 * JavaScript, and then each function the first time it runs, is most of what
 * Node does in a build before the engine starts; the code cache holds all of
 * it compiled, as Node 22's `module.enableCompileCache()` would (Node 20 has
 * none). V8 checks a cache against the source and itself and rejects any that
 * does not match, so a stale or broken one only costs a compile, and is
 * written again. `--no-cache` neither reads nor writes it: a truly cold start.
 */
const MAIN = fileURLToPath(new URL('./main.cjs', import.meta.url));

// Node compiles its own modules from a code cache that V8 takes only under the flags it was made with: once a flag
// is set (below), each built-in module loaded after is compiled anew, some 20 ms of a build. So the built-ins a build
// uses load first (tests/cli/bundle.test.ts holds a build to this list).
const BUILTINS = 'child_process crypto fs/promises perf_hooks process timers/promises tty zlib'.split(' ');
const builtin = createRequire(import.meta.url);
for (const name of BUILTINS) builtin(`node:${name}`);

// A command is over in about a second: V8's optimizing compiler would spend more CPU on it
// (on threads of its own, beside the engines) than its code saves (a 20-file build: a tenth
// of its CPU). A watch session lives long enough for it to pay. Set before anything compiles.
if (process.argv[2] !== 'watch') setFlagsFromString('--no-opt');
// V8 lets the heap grow to up to four times what a full collection keeps while the program
// allocates fast: parsing a 1 MB resume keeps 50 MB and peaked at 300 MB. One and a half times
// keeps the command under 200 MB for most shapes of a 1 MB file (README: "A long file costs"), for a few more
// collections; a fifth kept a 1 MB table at 198 MB instead of 208, for a fifth more CPU.
setFlagsFromString('--heap-growing-percent=50');

const source = readFileSync(MAIN, 'utf8').replace(/^#!.*/, '');
const cacheFile = process.argv.includes('--no-cache') ? undefined : codeCacheFile();
let cachedData: Buffer | undefined;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}
// CommonJS's function around a module, as Node's own loader puts it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: MAIN,
  cachedData,
});
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  // At the end of a successful run, when the functions it ran are compiled too.
  process.once('exit', (code) => {
    if (code === 0) saveCodeCache(cacheFile, script.createCachedData());
  });
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(
  module.exports,
  createRequire(MAIN),
  module,
  MAIN,
  path.dirname(MAIN),
);

/**
 * One cache per Node build, bundle and command (each command runs its own functions);
 * undefined for a command line that names none.
 */
function codeCacheFile(): string | undefined {
  const command = process.argv[2];
  if (!command || !/^[a-z]{1,16}$/.test(command)) return undefined;
  const { size, mtimeMs } = statSync(MAIN);
  return path.join(
    defaultCacheDir(),
    'code',
    `${process.version}-${process.arch}-${size}-${Math.round(mtimeMs)}-${command}.bin`,
  );
}

/** Caches kept: a few commands of a few builds of mdcv (two checkouts sharing the cache folder keep theirs). */
const KEEP_CODE_CACHES = 16;

/** Written whole or not at all, and the oldest beyond a few removed; a cache that cannot be written is no failure. */
function saveCodeCache(file: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    writeWhole(file, data);
    const caches = readdirSync(dir).map((name) => path.join(dir, name));
    for (const old of oldestBeyond(caches, KEEP_CODE_CACHES)) rmSync(old, { force: true });
  } catch {
    // A read-only or full cache folder: the next run compiles again.
  }
}
