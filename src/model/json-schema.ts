import * as z from 'zod';
import { frontmatterSchema, letterFrontmatterSchema } from './schema.js';

/** Where the JSON Schema files ship, relative to the package root: the resume's, and the cover letter's. */
export const JSON_SCHEMA_FILE = 'schema/mdcv.schema.json';
export const LETTER_JSON_SCHEMA_FILE = 'schema/mdcv-letter.schema.json';

/**
 * The frontmatter's JSON Schema for editors (yaml-language-server and the
 * like), generated from the zod schema that validates it, so the two agree.
 * It describes the frontmatter as written, before defaults.
 */
export function frontmatterJsonSchema(): Record<string, unknown> {
  return { title: 'mdcv resume frontmatter', ...z.toJSONSchema(frontmatterSchema, { io: 'input' }) };
}

/** A cover letter's frontmatter's JSON Schema, likewise. */
export function letterJsonSchema(): Record<string, unknown> {
  return { title: 'mdcv cover letter frontmatter', ...z.toJSONSchema(letterFrontmatterSchema, { io: 'input' }) };
}

/** A file's text: stable key order and a final newline, so regenerating changes nothing when nothing changed. */
export function jsonSchemaText(schema: Record<string, unknown> = frontmatterJsonSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
