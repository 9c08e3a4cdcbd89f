// Regenerates schema/mdcv.schema.json from the compiled zod schema (run by `make schema`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_FILE, jsonSchemaText } from '../dist/model/json-schema.js';

mkdirSync(path.dirname(JSON_SCHEMA_FILE), { recursive: true });
writeFileSync(JSON_SCHEMA_FILE, jsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
