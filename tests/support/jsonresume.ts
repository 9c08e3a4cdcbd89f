import { Ajv } from 'ajv';
import fc from 'fast-check';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { isLinkedProfile } from '../../src/jsonresume/import.js';
import { isObject, upgradeNames } from '../../src/jsonresume/legacy.js';

const SCHEMA_DIR = 'node_modules/@jsonresume/schema';

/** The official JSON Resume schema (draft-07), with its formats (email, uri) checked. */
export function officialValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'schema.json'), 'utf8')) as object);
}

/** JSON Resumes written by others: the schema package's sample and examples. */
export function officialExamples(): { name: string; file: string }[] {
  const examples = readdirSync(path.join(SCHEMA_DIR, 'examples')).map((name) => ({
    name,
    file: path.join(SCHEMA_DIR, 'examples', name),
  }));
  return [{ name: 'sample.resume.json', file: path.join(SCHEMA_DIR, 'sample.resume.json') }, ...examples];
}

/** The resume's content: the `$schema` the export writes, and empty strings, left out; quotes straight. */
export function content(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(content);
  // Typewriter quotes come back typographic, as mdcv prints them (README, The format).
  if (typeof value === 'string') return straightQuotes(value);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => key !== '$schema' && v !== '')
      .map(([key, v]) => [key, content(v)]),
  );
}

/** Fields whose text is paragraphs: a blank line separates them, other white space folds. */
const PARAGRAPH_FIELDS = new Set([
  'basics.summary',
  'work.summary',
  'volunteer.summary',
  'awards.summary',
  'publications.summary',
  'references.reference',
  'projects.description',
]);
/** URLs the frontmatter holds (`website`, `links`): one without a scheme means https. */
const FRONTMATTER_URLS = new Set(['basics.url', 'basics.profiles.url']);
/** URLs that become Markdown links: percent-encoded as Markdown has them. */
const LINK_URLS = new Set([
  'work.url',
  'volunteer.url',
  'education.url',
  'certificates.url',
  'publications.url',
  'projects.url',
]);

/**
 * Every value of the official schema's fields in a JSON Resume, by JSON path
 * (`work[2].highlights[0]`), in the form the Markdown format keeps it: the
 * format's documented normalisations applied (white space folded, paragraphs
 * split at blank lines, control characters dropped, URLs as the format writes
 * them, numbers as text, empty list items dropped, the profiles that are header links first, quotes compared
 * straight: mdcv may print them typographic), empty values left out.
 * An export is already in the format's order.
 */
export function schemaValues(resume: unknown, { exported = false } = {}): Map<string, string> {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'schema.json'), 'utf8')) as SchemaNode;
  const values = new Map<string, string>();
  const walk = (node: SchemaNode, value: unknown, where: string, field: string): void => {
    if (value === undefined || value === null) return;
    if (node.properties && typeof value === 'object' && !Array.isArray(value)) {
      const object = value as Record<string, unknown>;
      for (const [key, child] of Object.entries(node.properties)) {
        if (key === '$schema') continue;
        let v = object[key];
        // The format lists profiles with a URL (the frontmatter's links) before the others.
        if (!exported && field === 'basics' && key === 'profiles' && Array.isArray(v))
          v = [...v.filter(linked), ...v.filter((p) => !linked(p))];
        walk(child, v, where ? `${where}.${key}` : key, field ? `${field}.${key}` : key);
      }
    } else if (node.items && Array.isArray(value)) {
      // Empty text in a list is no value: the format has no empty bullet.
      const items = node.items.properties
        ? value
        : value.filter((v) => typeof v !== 'string' || normalised(v, field) !== '');
      items.forEach((item, i) => walk(node.items!, item, `${where}[${i}]`, field));
    } else if (typeof value === 'string' || typeof value === 'number') {
      const text = normalised(String(value), field);
      if (text !== '') values.set(where, text);
    }
  };
  walk(schema, upgradeNames(resume as Record<string, unknown>), '', '');
  return values;
}

function normalised(value: string, field: string): string {
  const clean = straightQuotes(value.replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, ''));
  const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();
  if (field.startsWith('basics.location.')) return clean.trim();
  if (PARAGRAPH_FIELDS.has(field))
    return clean
      .split(/\n\s*\n/)
      .map(fold)
      .filter(Boolean)
      .join('\n\n');
  if (FRONTMATTER_URLS.has(field))
    return fold(clean) === '' || /^[a-z][a-z0-9+.-]*:/i.test(fold(clean)) ? fold(clean) : `https://${fold(clean)}`;
  if (LINK_URLS.has(field) && /^(https?|mailto|tel):/i.test(fold(clean))) return normalizeUri(fold(clean));
  return fold(clean);
}

function linked(profile: unknown): boolean {
  return isObject(profile) && isLinkedProfile(profile);
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** The share of the original's schema values that the other gives back, and the paths of those it does not. */
export function keptShare(original: unknown, back: unknown): { share: number; lost: string[] } {
  const want = schemaValues(original);
  const have = schemaValues(back, { exported: true });
  const lost = [...want]
    .filter(([where, value]) => have.get(where) !== value)
    .map(([where, value]) => `${where}: ${JSON.stringify(value)} → ${JSON.stringify(have.get(where))}`);
  return { share: want.size === 0 ? 1 : (want.size - lost.length) / want.size, lost };
}

/** What Markdown, YAML or the format could read as structure, and text around it. */
const PIECES = [
  '\n',
  '\n\n',
  '\r\n',
  '---',
  '***',
  '===',
  '#',
  '## ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '~~~',
  '```',
  '    ',
  '\t',
  '|',
  ' | ',
  ':',
  ': ',
  'photo: x.png',
  'timeout: 1',
  'theme: /',
  '\\',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '[x]: /y',
  '<b>',
  '</div>',
  '<!--',
  '&amp;',
  '&#35;',
  '{.tag}',
  '"',
  "'",
  ',',
  '%',
  '!',
  '`',
  '{',
  '}',
  '\u00a0',
  '\u2028',
  '\u0000',
  '\u001b[31m',
  'a',
  'Z',
  'é',
  '日本',
  '🙂',
  'http://x.example',
  'Label: ',
];
const dangerous = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
/** Arbitrary strings (any code point, control characters included) and strings made of the dangerous pieces. */
export const value = fc.oneof(
  anyText,
  dangerous,
  fc.tuple(dangerous, anyText, dangerous).map((parts) => parts.join('')),
);

/** Text with typographic quotes read as typewriter ones. */
export function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}
