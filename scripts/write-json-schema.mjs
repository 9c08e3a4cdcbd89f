// Regenerates the JSON Schemas of the frontmatter (schema/mdcv.schema.json) and of a cover
// letter's (schema/mdcv-letter.schema.json) from the compiled zod schemas (run by `make schema`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  JSON_SCHEMA_FILE,
  LETTER_JSON_SCHEMA_FILE,
  jsonSchemaText,
  letterJsonSchema,
} from '../dist/model/json-schema.js';

const schemas = [
  [JSON_SCHEMA_FILE, jsonSchemaText()],
  [LETTER_JSON_SCHEMA_FILE, jsonSchemaText(letterJsonSchema())],
];
for (const [file, text] of schemas) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
