import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoToText } from '../../../src/model/dates.js';
import { mdcv, tempDir } from '../../support/cli.js';
import { content, officialExamples, officialValidator, straightQuotes } from '../../support/jsonresume.js';
import { pdfText, pdfUrls } from '../../support/pdf.js';

const DATE = /^\d{4}(-\d{2}){0,2}$/;

/** Every string in a JSON value, with the key it sits under. */
function leaves(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return value === '' ? [] : [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, k));
  return [];
}

describe('mdcv import, build and export of a JSON Resume from elsewhere', () => {
  const dir = tempDir('import');
  const { file: sample } = officialExamples()[0]!;
  const original = JSON.parse(readFileSync(sample, 'utf8')) as { basics: object };
  const runs: Record<string, Awaited<ReturnType<typeof mdcv>>> = {};
  beforeAll(async () => {
    copyFileSync(sample, path.join(dir, 'richard.json'));
    runs.import = await mdcv(['import', 'richard.json', '-o', 'richard.md'], { cwd: dir });
    runs.again = await mdcv(['import', 'richard.json', '-o', 'richard.md'], { cwd: dir });
    runs.build = await mdcv(['build', 'richard.md', '--format', 'pdf,json', '-q'], { cwd: dir });
    runs.buildJson = await mdcv(['build', 'richard.json', '-q'], { cwd: dir });
    runs.export = await mdcv(['export', 'richard.md', '--format', 'json-resume', '-o', 'exported.json'], { cwd: dir });
  });

  it('imports, and never overwrites the Markdown unasked', () => {
    expect(runs.import!.exitCode, runs.import!.stderr).toBe(0);
    expect(runs.import!.stdout).toBe('wrote richard.md');
    expect(runs.again!.exitCode).toBe(1);
    expect(runs.again!.stderr).toContain('richard.md: error: the file exists');
  });

  it('says how to build the JSON itself, when given where the Markdown goes', () => {
    expect(runs.buildJson!.exitCode).toBe(1);
    expect(runs.buildJson!.stderr.split('\n')[0]).toBe(
      'richard.json:1:1: error: this is JSON (a JSON Resume?), not Markdown (`mdcv import richard.json` writes a JSON Resume as Markdown, with a warning for anything left out; build that)',
    );
  });

  it('builds a PDF with all its facts', () => {
    expect(runs.build!.exitCode, runs.build!.stderr).toBe(0);
    const pdf = path.join(dir, 'out/richard.pdf');
    const text = straightQuotes(pdfText(pdf).replace(/\s+/g, ' '));
    const urls = pdfUrls(pdf);
    const { $schema: _, meta: __, ...facts } = original as Record<string, unknown>;
    const missing = leaves(facts).filter(([key, value]) => {
      if (key === 'url') return !urls.includes(value);
      const shown = DATE.test(value) ? isoToText(value) : value;
      return !text.includes(straightQuotes(shown.replace(/\s+/g, ' ').trim()));
    });
    expect(missing).toEqual([]);
  });

  it('exports what the official schema accepts, the same from `export` and `build --format json`', () => {
    expect(runs.export!.exitCode, runs.export!.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(path.join(dir, 'exported.json'), 'utf8')) as object;
    const validate = officialValidator();
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(content(exported)).toEqual(content(original));
    expect(JSON.parse(readFileSync(path.join(dir, 'out/richard.json'), 'utf8'))).toEqual(exported);
  });

  it('names the line and column of broken JSON', async () => {
    writeFileSync(path.join(dir, 'broken.json'), '{\n  "basics": {,}\n}\n');
    const run = await mdcv(['import', 'broken.json'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^broken\.json:2:14: error: invalid JSON/);
  });
});
