import { stringify } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { rangeToText, isoToText } from '../model/dates.js';
import { mdLink, mdParagraphs, mdText, withAside } from './markdown.js';
import { ENTRY_KINDS, LIST_KINDS, labelOf, type EntryKind, type JsonObject, type ListKind } from './sections.js';

export interface ImportResult {
  markdown: string;
  /** Warnings for what has no place in the format (never errors: what fits is written). */
  diagnostics: Diagnostic[];
}

const SECTION_ORDER = ['work', 'projects', 'education', 'volunteer', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references'];

/**
 * A JSON Resume (schema 1.x) as a resume in the Markdown format: basics in
 * the frontmatter, each section as `##` with its items as entries or list lines.
 */
export function jsonResumeToMarkdown(data: unknown, file: string): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string): void => void diagnostics.push({ file, severity: 'warning', message });
  if (!isObject(data)) return { markdown: '', diagnostics: [{ file, severity: 'error', message: messages.jsonNotObject }] };

  const basics = isObject(data.basics) ? data.basics : {};
  const profiles = arrayOf(data.basics && (basics.profiles as unknown), 'basics.profiles', warn);
  const { frontmatter, comments } = frontmatterOf(basics, profiles);
  const parts = [`---\n${comments.map((c) => `# ${c}\n`).join('')}${stringify(frontmatter, { lineWidth: 0 })}---`];
  if (typeof basics.summary === 'string') parts.push(...mdParagraphs(basics.summary));

  for (const key of SECTION_ORDER) {
    const items = arrayOf(data[key], key, warn);
    if (items.length === 0) continue;
    const entryKind = ENTRY_KINDS.find((k) => k.key === key);
    const listKind = LIST_KINDS.find((k) => k.key === key);
    parts.push(`## ${entryKind?.title ?? listKind!.title}`);
    if (entryKind) parts.push(...entries(entryKind, items, warn));
    else parts.push(items.map((item) => listLine(listKind!, item)).join('\n'));
  }
  const withoutUrl = profiles.filter((p) => typeof p.url !== 'string');
  if (withoutUrl.length > 0) parts.push('## Profiles', withoutUrl.map((p) => listLine(LIST_KINDS.find((k) => k.key === 'profiles')!, p)).join('\n'));

  for (const key of Object.keys(data)) {
    if (!['basics', '$schema', 'meta', ...SECTION_ORDER].includes(key)) warn(messages.jsonUnknownSection(key));
  }
  return { markdown: `${parts.join('\n\n')}\n`, diagnostics };
}

function frontmatterOf(basics: JsonObject, profiles: JsonObject[]): { frontmatter: JsonObject; comments: string[] } {
  const frontmatter: JsonObject = {};
  const comments: string[] = [];
  const text = (key: string): string | undefined => (typeof basics[key] === 'string' && basics[key].trim() !== '' ? basics[key].trim() : undefined);
  frontmatter.name = text('name') ?? 'Your Name';
  if (text('label')) frontmatter.headline = text('label');
  if (text('email')) frontmatter.email = text('email');
  if (text('phone')) frontmatter.phone = text('phone');
  const location = isObject(basics.location) ? locationText(basics.location) : undefined;
  if (location) frontmatter.location = location;
  if (text('url')) frontmatter.website = text('url');
  const links = profiles.filter((p) => typeof p.url === 'string').map(profileLink);
  if (links.length > 0) frontmatter.links = links;
  const image = text('image');
  if (image && /^[a-z][a-z0-9+.-]*:/i.test(image)) comments.push(`photo: ${image} (download it beside this file and set \`photo:\` to its name)`);
  else if (image) frontmatter.photo = image;
  return { frontmatter, comments };
}

/** `Twitter: neutralthoughts` → the profile page; a profile that says nothing more than its URL stays a plain URL. */
function profileLink(profile: JsonObject): string | { label: string; url: string } {
  const url = profile.url as string;
  const label = [profile.network, profile.username].filter((v): v is string => typeof v === 'string' && v !== '').join(': ');
  return label === '' ? url : { label, url };
}

/** The location's parts, most specific first: address, city, region, postal code, country code. */
export const LOCATION_PARTS = ['address', 'city', 'region', 'postalCode', 'countryCode'] as const;

function locationText(location: JsonObject): string | undefined {
  const parts = LOCATION_PARTS.map((key) => location[key]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.length > 0 ? parts.map((p) => p.replace(/\s*\n\s*/g, ', ').trim()).join(', ') : undefined;
}

/**
 * The section's entries. Positions in a row at one organisation (same name,
 * link, place and description) become one `###` entry with a `####` role each.
 */
function entries(kind: EntryKind, items: JsonObject[], warn: (message: string) => void): string[] {
  const sharedFields = kind.roles ? [kind.subtitle!, 'url', ...(kind.place ? [kind.place] : []), ...Object.keys(kind.facts)] : [];
  const sharedOf = (item: JsonObject): string => JSON.stringify(sharedFields.map((field) => text(item, field) ?? null));
  const out: string[] = [];
  for (let i = 0; i < items.length; ) {
    let end = i + 1;
    while (kind.roles && text(items[i]!, kind.subtitle!) && end < items.length && sharedOf(items[end]!) === sharedOf(items[i]!)) end++;
    if (end - i === 1) out.push(entry(kind, items[i]!, `${kind.key}[${i}]`, warn));
    else {
      const first = items[i]!;
      const heading = `### ${withAside(mdLink(text(first, kind.subtitle!)!, text(first, 'url')), kind.place && text(first, kind.place) ? mdText(text(first, kind.place)!) : undefined)}`;
      const facts = Object.entries(kind.facts).flatMap(([field, label]) => (text(first, field) ? [`${label}: ${mdText(text(first, field)!)}`] : []));
      out.push([heading, ...facts].join('\n'));
      for (let j = i; j < end; j++) {
        const role = Object.fromEntries(Object.entries(items[j]!).filter(([field]) => !sharedFields.includes(field)));
        out.push(entry(kind, role, `${kind.key}[${j}]`, warn, '####'));
      }
    }
    i = end;
  }
  return out;
}

function text(item: JsonObject, key: string): string | undefined {
  const value = item[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function entry(kind: EntryKind, item: JsonObject, where: string, warn: (message: string) => void, level = '###'): string {
  const str = (key: string | undefined): string | undefined => (key ? text(item, key) : undefined);
  const url = str('url');
  const shown = (key: string | undefined): string | undefined => {
    const value = str(key);
    return value === undefined ? undefined : key === kind.linked ? mdLink(value, url) : mdText(value);
  };
  const dates = kind.dates && ('on' in kind.dates ? (str(kind.dates.on) ? isoToText(str(kind.dates.on)!) : undefined) : rangeToText(str(kind.dates.start), str(kind.dates.end)));
  const heading = `${level} ${withAside(shown(kind.heading) ?? '', dates && mdText(dates))}`;

  const details: string[] = [];
  const subtitle = shown(kind.subtitle);
  const place = str(kind.place);
  if (subtitle) details.push(withAside(subtitle, place && mdText(place)));
  else if (place) details.push(`${labelOf(kind.place!)}: ${mdText(place)}`);
  for (const [field, label] of Object.entries(kind.facts)) if (str(field)) details.push(`${label}: ${mdText(str(field)!)}`);
  for (const [field, label] of Object.entries(kind.listFacts)) {
    const values = strings(item[field]);
    if (values.length > 0) details.push(`${label}: ${values.map(mdText).join(', ')}`);
  }

  const known = new Set([kind.heading, kind.subtitle, kind.place, kind.text, kind.bullets, ...Object.keys(kind.facts), ...Object.keys(kind.listFacts), ...(kind.dates ? Object.values(kind.dates) : [])]);
  if (kind.linked) known.add('url');
  for (const [field, value] of Object.entries(item)) {
    if (known.has(field) || value === undefined || value === null || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') details.push(`${labelOf(field)}: ${mdText(String(value))}`);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) details.push(`${labelOf(field)}: ${value.map(mdText).join(', ')}`);
    else warn(messages.jsonFieldLeftOut(`${where}.${field}`));
  }

  const paragraphs = kind.text && str(kind.text) ? mdParagraphs(str(kind.text)!) : [];
  // Without detail lines the first paragraph would be read as them, so it is written as a fact.
  if (details.length === 0 && paragraphs.length > 0 && kind.subtitle) details.push(`${labelOf(kind.text!)}: ${paragraphs.shift()}`);
  const bullets = kind.bullets ? strings(item[kind.bullets]).map((b) => `- ${mdText(b)}`) : [];
  return [[heading, ...details].join('\n'), ...paragraphs, ...(bullets.length > 0 ? [bullets.join('\n')] : [])].join('\n\n');
}

/** `- **Web Development** (Master): HTML, CSS` */
function listLine(kind: ListKind, item: JsonObject): string {
  const name = typeof item[kind.name] === 'string' ? item[kind.name] as string : '';
  const level = kind.level && typeof item[kind.level] === 'string' && item[kind.level] !== '' ? ` (${mdText(item[kind.level] as string)})` : '';
  const raw = kind.values ? item[kind.values.field] : undefined;
  const values = kind.values?.list ? strings(raw).map(mdText).join(', ') : typeof raw === 'string' ? mdText(raw) : '';
  return `- **${mdText(name)}**${level}${values ? `: ${values}` : ''}`;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function arrayOf(value: unknown, key: string, warn: (message: string) => void): JsonObject[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warn(messages.jsonNotList(key));
    return [];
  }
  return value.filter(isObject);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
