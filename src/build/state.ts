import type { BuildOptions, BuildProgress, BuildResult } from '../model/build.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { OutputFormat } from '../model/outputs.js';
import type { EngineRecord } from '../stamp.js';
import type { EngineAhead } from './engine-ahead.js';
import type { Prepared } from './prepare.js';

/** What the steps of one build share, from the resume as prepared to what its runs found. */
export interface BuildState {
  options: BuildOptions;
  prepared: Prepared;
  formats: ReadonlySet<OutputFormat>;
  /** The build's scratch folder: every output is made here, then published together. */
  workDir: string;
  cacheDir: string | false;
  /** Engine timeout (ms) and what is left of it: every engine run of the build shares the one budget. */
  timeout: number;
  left: () => number;
  /** Whether PDFs are still made: a missing engine stops them, not the other formats. */
  typeset: boolean;
  /** The engine started before parsing, if any. */
  ahead?: EngineAhead;
  /** The engine and format the first PDF was made with, for the stamp. */
  engineUsed?: EngineRecord;
  diagnostics: Diagnostic[];
  fitted: NonNullable<BuildResult['fitted']>;
  progress: (step: BuildProgress['step'], variant?: string) => void;
}

/** Reports each step with the time since the one before. */
export function progressClock(onProgress: BuildOptions['onProgress']): BuildState['progress'] {
  let clock = performance.now();
  return (step, variant) => {
    const now = performance.now();
    onProgress?.({ step, ms: now - clock, ...(variant !== undefined && { variant }) });
    clock = now;
  };
}

/** A build that wrote nothing: the last good outputs stand. */
export function failed(diagnostics: Diagnostic[]): BuildResult {
  return { ok: false, diagnostics, outputs: {}, variants: {}, fitted: [] };
}
