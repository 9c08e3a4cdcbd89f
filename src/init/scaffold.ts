import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSON_SCHEMA_FILE } from '../model/json-schema.js';
import { makeFolder, writing } from '../files.js';
import { PACKAGE_ROOT } from '../package.js';

/** What `mdcv init` writes, where it comes from in the package, and whether `{{schema}}` and `{{version}}` are filled in. */
const FILES: readonly { file: string; from: string; fill?: true }[] = [
  { file: 'resume.md', from: 'assets/init/resume.md', fill: true },
  { file: 'photo.png', from: 'assets/placeholder-photo.png' },
  { file: 'Makefile', from: 'assets/init/Makefile' },
  { file: '.gitignore', from: 'assets/init/gitignore' },
  { file: '.github/workflows/ci.yml', from: 'assets/init/github/workflows/ci.yml', fill: true },
  { file: '.github/workflows/release.yml', from: 'assets/init/github/workflows/release.yml', fill: true },
];

export interface ScaffoldResult {
  /** Absolute paths of the files written. */
  written: string[];
  /** Files that were there already and were left alone. */
  kept: string[];
}

/**
 * Scaffolds a resume project in `dir`: an example resume.md, a placeholder
 * photo, a Makefile and GitHub workflows. A file that exists is never
 * overwritten; one that cannot be written is a WriteError.
 */
export async function scaffold(dir: string, version: string): Promise<ScaffoldResult> {
  const result: ScaffoldResult = { written: [], kept: [] };
  const values: Record<string, string> = { schema: schemaReference(dir), version };
  for (const { file, from, fill } of FILES) {
    const target = path.resolve(dir, file);
    const raw = await readFile(path.join(PACKAGE_ROOT, from));
    const content = fill ? raw.toString('utf8').replace(/\{\{(schema|version)\}\}/g, (_, key: string) => values[key]!) : raw;
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

/**
 * Where the editor finds the JSON Schema: a relative path when mdcv is
 * installed inside the project (node_modules), else the installed file's URL.
 */
function schemaReference(dir: string): string {
  const schema = path.join(PACKAGE_ROOT, JSON_SCHEMA_FILE);
  const relative = path.relative(path.resolve(dir), schema);
  return relative.startsWith('..') || path.isAbsolute(relative) ? pathToFileURL(schema).href : `./${relative.split(path.sep).join('/')}`;
}
