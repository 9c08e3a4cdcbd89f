import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/build.js';
import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';
import { keptShare, officialValidator, schemaValues } from '../support/jsonresume.js';
import { pdfText, pdfUrls } from '../support/pdf.js';

const DIR = 'tests/fixtures/jsonresume';
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const validate = officialValidator();

function roundTrip(file: string) {
  const original = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown;
  const imported = jsonResumeToMarkdown(original, file);
  const parsed = parseResume(imported.markdown, path.join(DIR, file.replace(/json$/, 'md')));
  const exported = resumeToJsonResume(parsed.resume!);
  return { original, imported, parsed, exported };
}

describe('JSON Resumes as people publish them, imported and exported back', () => {
  it('has at least five of them', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(5));

  it.each(FIXTURES)('%s keeps every schema value, and the export passes the official schema', (file) => {
    const { original, parsed, exported } = roundTrip(file);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { share, lost } = keptShare(original, exported.data);
    expect(lost).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.99);
    // The export is valid wherever the original is (one fixture's website is an IRI, which the schema's `uri` refuses).
    if (validate(original)) expect(validate(exported.data), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('an imported JSON Resume typeset by pdflatex', () => {
  it('prints every word of every value, links every URL, and shows the local photo', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-jsonresume-'));
    const original = JSON.parse(readFileSync(path.join(DIR, 'every-section.json'), 'utf8')) as unknown;
    const imported = jsonResumeToMarkdown(original, 'every-section.json');
    expect(imported.diagnostics).toEqual([]);
    writeFileSync(path.join(dir, 'resume.md'), imported.markdown);
    copyFileSync('photo.png', path.join(dir, 'photo.png'));
    const result = await build({ file: path.join(dir, 'resume.md'), outDir: path.join(dir, 'out'), formats: ['pdf'] });
    expect(result.diagnostics).toEqual([]);
    const raw = pdfText(result.outputs.pdf!);
    // A word the engine hyphenated at a line end is one word again.
    const printed = new Set(words(`${raw} ${raw.replace(/-\n/g, '')}`));
    const links = pdfUrls(result.outputs.pdf!);
    const unprinted = /^(meta\.|basics\.image$)|Date$|date$/;
    for (const [where, value] of schemaValues(original)) {
      if (/url$/.test(where)) expect(links, where).toContain(value);
      else if (!unprinted.test(where))
        expect(
          words(value).filter((w) => !printed.has(w)),
          `${where}: ${value}`,
        ).toEqual([]);
    }
    expect(
      execFileSync('pdfimages', ['-list', result.outputs.pdf!], { encoding: 'utf8' }).trim().split('\n').length - 2,
    ).toBeGreaterThanOrEqual(1);
    // Dates print as a reader writes them: the years are there.
    for (const [where, value] of schemaValues(original))
      if (/date$/i.test(where)) expect(printed, where).toContain(value.slice(0, 4));
  });
});

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
