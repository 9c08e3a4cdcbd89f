import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SCHEMA_DIR = 'node_modules/@jsonresume/schema';

/** The official JSON Resume schema (draft-07), with its formats (email, uri) checked. */
export function officialValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'schema.json'), 'utf8')) as object);
}

/** JSON Resumes written by others: the schema package's sample and examples. */
export function officialExamples(): { name: string; file: string }[] {
  const examples = readdirSync(path.join(SCHEMA_DIR, 'examples')).map((name) => ({ name, file: path.join(SCHEMA_DIR, 'examples', name) }));
  return [{ name: 'sample.resume.json', file: path.join(SCHEMA_DIR, 'sample.resume.json') }, ...examples];
}

/** The resume's content: what JSON Resume tooling adds ($schema, meta) and empty strings left out, quotes straight. */
export function content(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(content);
  // Typewriter quotes come back typographic, as mdcv prints them (README, The format).
  if (typeof value === 'string') return straightQuotes(value);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => key !== '$schema' && key !== 'meta' && v !== '')
      .map(([key, v]) => [key, content(v)]),
  );
}

/** Text with typographic quotes read as typewriter ones. */
export function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}
