import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_FILE,
  jsonSchemaText,
  LETTER_JSON_SCHEMA_FILE,
  letterJsonSchema,
} from '../../src/model/json-schema.js';

const shipped = readFileSync(JSON_SCHEMA_FILE, 'utf8');

describe('the shipped JSON Schema', () => {
  it('is what the zod schema generates (run `make schema` when this fails)', () => {
    expect(shipped).toBe(jsonSchemaText());
  });

  it('is in the package', () => {
    const { files } = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(files).toContain(JSON_SCHEMA_FILE.split('/')[0]);
  });

  it('accepts a valid frontmatter and rejects a wrong value', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(shipped) as object);
    expect(
      validate({
        name: 'A',
        phone: 5551234,
        links: ['https://x.org', { label: 'X', url: 'https://x.org' }],
        variants: { backend: ['backend'] },
      }),
    ).toBe(true);
    expect(validate({ name: 'A', paper: 'a5' })).toBe(false);
    expect(validate({ name: 'A', variants: { 'bad name': ['x'] } })).toBe(false);
  });
});

describe('the shipped JSON Schema of a cover letter', () => {
  const letter = readFileSync(LETTER_JSON_SCHEMA_FILE, 'utf8');

  it('is what the zod schema generates (run `make schema` when this fails)', () => {
    expect(letter).toBe(jsonSchemaText(letterJsonSchema()));
  });

  it('accepts a letter, its address as a list or a block, and rejects one without a recipient', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(letter) as object);
    expect(validate({ resume: 'resume.md', to: ['A', 'B'], subject: 'S' })).toBe(true);
    expect(validate({ resume: 'resume.md', to: 'A\nB', subject: 'S', date: '2026-03-05', closing: 'Yours,' })).toBe(
      true,
    );
    expect(validate({ resume: 'resume.md', subject: 'S' })).toBe(false);
    expect(validate({ resume: 'resume.md', to: [true], subject: 'S' })).toBe(false);
  });
});
