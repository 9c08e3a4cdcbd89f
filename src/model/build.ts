import type { Diagnostic } from './diagnostic.js';
import type { OutputFormat } from './outputs.js';
import type { WarmEngine } from '../typeset/standby.js';

/** What a build is asked to do, and what it answers: the library's `build()`, its stamp, the CLI. */

/** How long a build may take, reading the Markdown and every engine run, unless `timeout:` or `--timeout` says. */
export const DEFAULT_TIMEOUT = 60_000;

/** The build's timeout in ms: the command line's, else the frontmatter's `timeout:` (seconds), else the default. */
export function timeoutOf(given: number | undefined, frontmatterSeconds: number | undefined): number {
  return given ?? (frontmatterSeconds !== undefined ? frontmatterSeconds * 1000 : DEFAULT_TIMEOUT);
}

/** A finished step of a build and how long it took, for progress reports. */
export interface BuildProgress {
  step: 'parse' | 'render' | 'typeset';
  ms: number;
  /** The variant being built, when it is not the main resume. */
  variant?: string;
}

export interface BuildOptions {
  /** The resume's Markdown file. */
  file: string;
  /** Where the outputs go (default `out/` in the current folder). */
  outDir?: string;
  /** A theme name or folder, over the frontmatter's `theme:`. */
  theme?: string;
  /** Which files to write (default pdf, html and tex). */
  formats?: readonly OutputFormat[];
  /** Keep only what is untagged or carries one of these tags (and build no variants). */
  tags?: readonly string[];
  /** The build's timeout in ms (reading the Markdown and every engine run), over the frontmatter's `timeout:`. */
  timeout?: number;
  /** Called as each step finishes; the library never prints. */
  onProgress?: (progress: BuildProgress) => void;
  /** `false` builds from scratch: no precompiled preamble, no skipping an unchanged build. */
  cache?: boolean;
  /** Where precompiled preambles and build stamps are kept (default `defaultCacheDir()`). */
  cacheDir?: string;
  /** Where a watch session keeps an engine started and waiting for its next build. */
  keepWarm?: WarmEngine;
  /**
   * Start the engine before parsing, to run beside the build's own work (default
   * true). A caller running as many builds at once as there are cores has none to spare.
   */
  engineAhead?: boolean;
}

export type Outputs = Partial<Record<OutputFormat, string>>;

/** The knobs `pages:` turns: the vertical spacing (percent of the theme's), the margin and the body font size (pt). */
export interface FitSettings {
  spacing: number;
  /** A TeX length, e.g. `0.6in`. */
  margin: string;
  fontSize: number;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The files written, by kind. */
  outputs: Outputs;
  /** The files written for each variant of the frontmatter's `variants:`. */
  variants: Record<string, Outputs>;
  /** Nothing had changed since the last build: the outputs were left as they were. */
  unchanged?: boolean;
  /** What `pages:` chose, for each PDF it fitted (by output name), and how many runs it took. */
  fitted?: (FitSettings & { name: string; pages: number; runs: number })[];
  /** What the build read besides the Markdown, once it knew (a watch session watches them too). */
  sources?: BuildSources;
}

export interface BuildSources {
  /** The theme's folder, and those of the themes it extends. */
  themes: string[];
  photo?: string;
  /** A cover letter's resume. */
  resume?: string;
}
