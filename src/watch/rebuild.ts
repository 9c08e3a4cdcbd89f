import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from '../build.js';
import type { BuildOptions, BuildResult, BuildSources } from '../model/build.js';
import { WriteError } from '../files/errors.js';
import { WarmEngine } from '../typeset/standby.js';

/** One finished build of a watch session. */
export interface WatchBuild {
  /** Counts the builds that wrote new outputs (a failed or unchanged build keeps the number). */
  version: number;
  result: BuildResult;
  ms: number;
}

export interface WatchOptions extends BuildOptions {
  /** How long the files must stay quiet before a build starts (ms): a burst of saves gives one build. */
  quietMs?: number;
}

export interface Watcher {
  close(): void;
}

const DEFAULT_QUIET_MS = 20;

/**
 * Builds the resume now and again after every save of what it is made of
 * (the Markdown, the photo, a theme folder beside it), in this process, so
 * modules, templates and the precompiled preamble stay warm. Builds never
 * overlap: saves during a build give one more build after it. A failed build
 * leaves the last good outputs in place (as every build does).
 */
export function watchResume(options: WatchOptions, onBuild: (build: WatchBuild) => void): Watcher {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const watchers = new Map<string, FSWatcher>();
  let version = 0;
  let running = false;
  let pending = false;
  /** Whether the last build that ran succeeded: a later unchanged one then has nothing to announce. */
  let lastOk = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  /** An engine started on the last build's format, for the next build to skip loading it. */
  const warm = new WarmEngine();
  const markdown = path.resolve(options.file);
  /** Whether a changed file is one the resume is made of. */
  let inputs: (file: string) => boolean;

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), quietMs);
  };

  const run = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    pending = false;
    // An editor that truncates and then writes leaves the file empty for a moment;
    // the write that follows is another change, which schedules the real build.
    if (version > 0 && (await stat(markdown).catch(() => undefined))?.size === 0) {
      running = false;
      if (pending) schedule();
      return;
    }
    const started = performance.now();
    let result: BuildResult;
    try {
      result = await build({ ...options, keepWarm: warm });
    } catch (error) {
      // An output folder that cannot be written, or a bug of ours, must not end the session:
      // reported like any failed build.
      const message =
        error instanceof WriteError
          ? error.message
          : `internal error: ${(error as Error).message} (please report this)`;
      const found = error instanceof WriteError ? error.diagnostics : [];
      result = {
        ok: false,
        diagnostics: [...found, { file: options.file, severity: 'error', message }],
        outputs: {},
        variants: {},
      };
    }
    running = false;
    if (closed) return;
    if (result.ok && (!result.unchanged || version === 0)) version++;
    // A late event for saves already built gives an unchanged build: nothing new to show.
    const news = !(result.ok && result.unchanged && lastOk);
    lastOk = result.ok;
    if (news) onBuild({ version, result, ms: performance.now() - started });
    if (pending) schedule();
    // The frontmatter may have just named another photo or theme; a build that did not get as far keeps the last ones.
    if (result.sources) track(result.sources);
  };

  /**
   * Watches the folders of the Markdown, a cover letter's resume, the photo and the theme
   * (and those it extends, with what is inside); a change to one makes a build.
   */
  const track = ({ resume, photo, themes = [] }: Partial<BuildSources>): void => {
    inputs = (file) =>
      file === markdown ||
      file === resume ||
      file === photo ||
      themes.some((theme) => file.startsWith(theme + path.sep));
    // Folders, not files: editors save by writing a new file and renaming it over the old one.
    const files = [resume, photo].flatMap((file) => (file ? [path.dirname(file)] : []));
    const folders = new Set([path.dirname(markdown), ...files, ...themes]);
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        watchers.set(
          folder,
          watch(folder, { recursive: themes.includes(folder) }, (_event, name) => {
            if (name === null || inputs(path.join(folder, name.toString()))) schedule();
          }),
        );
      } catch {
        // A folder that is gone cannot be watched; the next build reports what is missing.
      }
    }
  };

  track({});
  void run();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      void warm.release();
    },
  };
}
