import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writing } from '../files/errors.js';
import { makeFolder } from '../files/write.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { PACKAGE_ROOT } from '../package.js';

const INIT = path.join(PACKAGE_ROOT, 'assets/init');
/** The realistic examples `--example NAME` starts from, one Markdown file each. */
const EXAMPLES = path.join(INIT, 'examples');

/** What `mdcv init` writes (the resume under the name asked for), and where it comes from in the package. */
const FILES: readonly { file: string; from: string; fill?: true }[] = [
  { file: 'letter.md', from: 'letter.md', fill: true },
  { file: 'photo.png', from: '../placeholder-photo.png' },
  { file: 'Makefile', from: 'Makefile', fill: true },
  { file: 'package.json', from: 'package.json', fill: true },
  { file: '.gitignore', from: 'gitignore' },
  { file: '.github/workflows/ci.yml', from: 'github/workflows/ci.yml', fill: true },
  { file: '.github/workflows/release.yml', from: 'github/workflows/release.yml', fill: true },
];

export interface ScaffoldOptions {
  /** A folder (made if need be), or a `NAME.md` file to start there under that name. */
  target: string;
  /** The mdcv version the project pins. */
  version: string;
  /** One of exampleNames() (the CLI checks); placeholders without. */
  example?: string;
}

export interface ScaffoldResult {
  /** Absolute paths of the files written. */
  written: string[];
  /** Files that were there already and were left alone. */
  kept: string[];
  /** Why nothing (or not everything) was written. */
  diagnostics: Diagnostic[];
}

/** The examples `mdcv init --example` offers. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES)
    .map((file) => path.basename(file, '.md'))
    .sort();
}

/**
 * Scaffolds a resume project: a resume (placeholders, or an example), a
 * cover letter that goes with it, a placeholder photo, a Makefile, a package.json that pins this mdcv, and
 * GitHub workflows. A file that exists is never overwritten; one that cannot
 * be written is a WriteError.
 */
export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const result: ScaffoldResult = { written: [], kept: [], diagnostics: [] };
  const isResume = /\.md$/i.test(options.target);
  const dir = isResume ? path.dirname(options.target) : options.target;
  const resume = isResume ? path.basename(options.target) : 'resume.md';
  const fail = (file: string, message: string, hint?: string): ScaffoldResult => {
    result.diagnostics.push({ file, severity: 'error', message, ...(hint && { hint }) });
    return result;
  };
  if (existsSync(dir) && !statSync(dir).isDirectory())
    return fail(dir, messages.initNotFolder, messages.initNotFolderHint);
  if (isResume && existsSync(options.target) && statSync(options.target).isDirectory()) {
    return fail(options.target, messages.initResumeIsFolder, messages.initNotFolderHint);
  }
  const values: Record<string, string> = { resume, version: options.version };
  const resumeFrom = options.example === undefined ? 'resume.md' : path.join('examples', `${options.example}.md`);
  for (const { file, from, fill } of [{ file: resume, from: resumeFrom }, ...FILES]) {
    const target = path.resolve(dir, file);
    const raw = await readFile(path.join(INIT, from));
    const content = fill
      ? raw.toString('utf8').replace(/\{\{(resume|version)\}\}/g, (_, key: string) => values[key]!)
      : raw;
    makeFolder(path.dirname(target));
    const created = writing(target, () => {
      try {
        writeFileSync(target, content, { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    });
    (created ? result.written : result.kept).push(target);
  }
  return result;
}
