import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';
import { keptShare, officialValidator } from '../support/jsonresume.js';

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
