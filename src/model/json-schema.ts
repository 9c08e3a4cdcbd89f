import * as z from 'zod';
import { frontmatterSchema } from './schema.js';

/** Where the JSON Schema file ships, relative to the package root. */
export const JSON_SCHEMA_FILE = 'schema/mdcv.schema.json';

/**
 * The frontmatter's JSON Schema for editors (yaml-language-server and the
 * like), generated from the zod schema that validates it, so the two agree.
 * It describes the frontmatter as written, before defaults.
 */
export function frontmatterJsonSchema(): Record<string, unknown> {
  return { title: 'mdcv resume frontmatter', ...z.toJSONSchema(frontmatterSchema, { io: 'input' }) };
}

/** The file's text: stable key order and a final newline, so regenerating changes nothing when nothing changed. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(frontmatterJsonSchema(), null, 2)}\n`;
}
