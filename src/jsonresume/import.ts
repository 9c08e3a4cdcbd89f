import { stringify } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { LOCATION_PARTS } from '../model/location.js';
import { checkType, entriesMarkdown, strings, textOf, type Warn } from './import-entries.js';
import { isObject, upgradeNames } from './legacy.js';
import { encodeListLine, joinList } from './lists.js';
import { locationValue } from './location.js';
import { cleanText, mdListText, mdParagraphs, oneLine } from './markdown.js';
import { isSafeUrl } from '../parse/inline.js';
import { ENTRY_KINDS, LIST_KINDS, listFields, type JsonObject, type ListKind } from './sections.js';

export interface ImportResult {
  markdown: string;
  /** Warnings for what has no place in the format (never errors: what fits is written). */
  diagnostics: Diagnostic[];
}

const SECTION_ORDER = [
  'work',
  'projects',
  'education',
  'volunteer',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
];
const BASICS = ['name', 'label', 'image', 'email', 'phone', 'url', 'summary', 'location', 'profiles'];
const PROFILES = LIST_KINDS.find((k) => k.key === 'profiles')!;

/**
 * A JSON Resume (schema 1.x, or the 0.x names) as a resume in the Markdown
 * format: basics in the frontmatter, each section as `##` with its items as
 * entries or list lines. Every value lands as text: what Markdown would read
 * as markup is escaped, and a value that would not read back from its usual
 * place is written where it does.
 */
export function jsonResumeToMarkdown(input: unknown, file: string): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const warn: Warn = (message) => void diagnostics.push({ file, severity: 'warning', message });
  if (!isObject(input))
    return { markdown: '', diagnostics: [{ file, severity: 'error', message: messages.jsonNotObject }] };

  const data = upgradeNames(input);
  const basics = isObject(data.basics) ? data.basics : {};
  warnOthers(basics, BASICS, 'basics', warn);
  for (const key of BASICS.filter((k) => k !== 'location' && k !== 'profiles'))
    checkType(basics[key], false, `basics.${key}`, warn);
  const { items: profiles, paths: profilePaths } = arrayOf(basics.profiles, 'basics.profiles', warn);
  profiles.forEach((p, i) => warnOthers(p, [...listFields(PROFILES)], profilePaths[i]!, warn));
  const linked = profiles.filter(isLinkedProfile);
  const parts = [frontmatterOf(basics, linked, data.meta, warn)];
  if (typeof basics.summary === 'string') parts.push(...mdParagraphs(basics.summary));

  for (const key of SECTION_ORDER) {
    const { items, paths } = arrayOf(data[key], key, warn);
    if (items.length === 0) continue;
    const entryKind = ENTRY_KINDS.find((k) => k.key === key);
    const listKind = LIST_KINDS.find((k) => k.key === key);
    parts.push(`## ${entryKind?.title ?? listKind!.title}`);
    if (entryKind) parts.push(...entriesMarkdown(entryKind, items, paths, warn));
    else parts.push(items.map((item, i) => listLine(listKind!, item, paths[i], warn)).join('\n'));
  }
  const unlinked = profiles.filter((p) => !linked.includes(p));
  if (unlinked.length > 0) parts.push(`## ${PROFILES.title}`, unlinked.map((p) => listLine(PROFILES, p)).join('\n'));

  warnOthers(data, ['$schema', 'basics', 'meta', ...SECTION_ORDER], '', warn);
  return { markdown: `${parts.join('\n\n')}\n`, diagnostics };
}

/** The frontmatter: the person's details, profiles as `links`, and what only the export uses under `jsonresume`. */
function frontmatterOf(basics: JsonObject, profiles: JsonObject[], meta: unknown, warn: Warn): string {
  const frontmatter: JsonObject = {};
  const text = (key: string): string | undefined => textOf(basics, key);
  frontmatter.name = text('name') ?? 'Your Name';
  if (!text('name')) warn(messages.jsonNoName);
  if (text('label')) frontmatter.headline = text('label');
  if (text('email')) frontmatter.email = text('email');
  if (text('phone')) frontmatter.phone = text('phone');
  const where = basics.location;
  if (isObject(where)) {
    warnOthers(where, LOCATION_PARTS, 'basics.location', warn);
    const parts = Object.fromEntries(
      LOCATION_PARTS.flatMap((k) => (typeof where[k] === 'string' ? [[k, cleanText(where[k]).trim()]] : [])),
    );
    const location = locationValue(parts);
    if (location) frontmatter.location = location;
  }
  if (text('url')) frontmatter.website = text('url');
  if (profiles.length > 0) frontmatter.links = profiles.map((p) => profileLink(p)!);
  const kept: JsonObject = {};
  const image = text('image');
  // A picture on the web cannot be typeset; the export still gives it back.
  if (image && /^[a-z][a-z0-9+.-]*:/i.test(image)) {
    kept.image = image;
    warn(messages.jsonImageRemote);
  } else if (image) frontmatter.photo = image;
  if (isObject(meta)) {
    const strings = Object.entries(meta).filter(([, v]) => typeof v === 'string' && oneLine(v) !== '');
    if (strings.length > 0) kept.meta = Object.fromEntries(strings.map(([k, v]) => [k, oneLine(v as string)]));
    warnOthers(
      meta,
      Object.keys(meta).filter((k) => typeof meta[k] === 'string'),
      'meta',
      warn,
    );
  }
  if (Object.keys(kept).length > 0) frontmatter.jsonresume = kept;
  const note = kept.image ? `# jsonresume.image is not printed: the PDF needs a local file (set photo: to one)\n` : '';
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}${note}---`;
}

/**
 * Whether a profile is one of the frontmatter's `links` (the header shows them): it has a web
 * address and a label that reads back. The others are lines of a Profiles section, after them.
 */
export function isLinkedProfile(profile: JsonObject): boolean {
  return profileLink(profile) !== undefined;
}

/**
 * `Twitter: neutralthoughts` → the profile page; undefined when the label would not read back as the network and
 * username.
 */
function profileLink(profile: JsonObject): string | { label: string; url: string } | undefined {
  const [network, username, url] = ['network', 'username', 'url'].map((k) => textOf(profile, k));
  if (!url || !isSafeUrl(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`)) return undefined;
  if (!network && !username) return url;
  if (!network || !username || network.includes(':')) return undefined;
  return { label: `${network}: ${username}`, url };
}

/** `- **Web Development** (Master): HTML, CSS` */
function listLine(kind: ListKind, item: JsonObject, where?: string, warn?: Warn): string {
  const field = kind.values?.field;
  if (where && warn) {
    warnOthers(item, [...listFields(kind)], where, warn);
    for (const known of [kind.name, kind.level].filter((f) => f !== undefined)) {
      checkType(item[known], false, `${where}.${known}`, warn);
    }
    if (field) checkType(item[field], kind.values!.list, `${where}.${field}`, warn);
  }
  const values = !field ? undefined : kind.values!.list ? joinList(strings(item[field])) : textOf(item, field);
  const line = encodeListLine({
    name: textOf(item, kind.name) ?? '',
    level: kind.level && textOf(item, kind.level),
    values,
  });
  const level = line.level ? ` (${mdListText(line.level)})` : '';
  return `- **${mdListText(line.name)}**${level}${line.values ? `: ${mdListText(line.values)}` : ''}`;
}

/** Warns of each field the schema does not define, by its JSON path. */
function warnOthers(object: JsonObject, known: readonly string[], where: string, warn: Warn): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    warn(where === '' ? messages.jsonUnknownSection(key) : messages.jsonFieldLeftOut(`${where}.${key}`));
  }
}

/** A list's objects and the JSON path of each (`work[3]`); an item that is not an object is warned of and skipped. */
function arrayOf(value: unknown, key: string, warn: Warn): { items: JsonObject[]; paths: string[] } {
  const found: { items: JsonObject[]; paths: string[] } = { items: [], paths: [] };
  if (value === undefined) return found;
  if (!Array.isArray(value)) {
    warn(messages.jsonNotList(key));
    return found;
  }
  value.forEach((item: unknown, i) => {
    if (!isObject(item)) return warn(messages.jsonFieldWrongType(`${key}[${i}]`, 'an object'));
    found.items.push(item);
    found.paths.push(`${key}[${i}]`);
  });
  return found;
}
