import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { shownUrl } from '../model/links.js';
import { messages } from '../model/messages.js';
import type { Block, DetailLine, Entry, Resume, RichText, Role, TableRow } from '../model/resume.js';
import { richText } from '../parse/inline.js';
import { inlineToText } from '../render/text/inline.js';
import { tableText } from '../render/text/table.js';
import { textToIso, textToRange } from '../model/dates.js';
import { decodeName, decodeRest, splitList } from './lists.js';
import { partsOfLine } from './location.js';
import { ENTRY_KINDS, factField, LIST_KINDS, type EntryKind, type JsonObject, type ListKind } from './sections.js';

export interface ExportResult {
  data: JsonObject;
  /** Warnings for what has no place in JSON Resume. */
  diagnostics: Diagnostic[];
}

/** An entry as the export reads it: a role is flattened into one item with its entry's heading as the subtitle. */
interface Item {
  title: RichText;
  aside?: RichText;
  details: DetailLine[];
  blocks: Block[];
  line: number;
}

const SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/**
 * The resume as a JSON Resume (schema 1.x). Sections are recognised by their
 * titles (`Experience`, `Education`...); what has no place in JSON Resume is
 * left out with a warning. Text is exported plain, links as `text (url)`.
 */
export function resumeToJsonResume(resume: Resume): ExportResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number | undefined, message: string): void =>
    void diagnostics.push({ file: resume.file, line, severity: 'warning', message });
  const data: JsonObject = { $schema: SCHEMA_URL, basics: basicsOf(resume, warn) };
  if (resume.person.jsonResume?.meta) data.meta = resume.person.jsonResume.meta;

  for (const section of resume.sections) {
    const title = text(section.title).toLowerCase();
    const matches = (kind: { title: string; aliases: string[] }): boolean =>
      kind.title.toLowerCase() === title || kind.aliases.includes(title);
    const entryKind = ENTRY_KINDS.find(matches);
    const listKind = LIST_KINDS.find(matches);
    if (!entryKind && !listKind) {
      warn(section.line, messages.exportSectionLeftOut(text(section.title)));
      continue;
    }
    const items = entryKind
      ? entryItems(entryKind, section.blocks, section.entries, warn)
      : listItems(listKind!, section.blocks, section.entries, warn);
    const target = listKind?.key === 'profiles' ? (data.basics as JsonObject) : data;
    target[listKind?.key ?? entryKind!.key] = [
      ...((target[listKind?.key ?? entryKind!.key] as JsonObject[] | undefined) ?? []),
      ...items,
    ];
  }
  return { data, diagnostics };
}

function basicsOf(resume: Resume, warn: (line: number | undefined, message: string) => void): JsonObject {
  const { person } = resume;
  const basics: JsonObject = { name: person.name };
  if (person.headline) basics.label = person.headline;
  const photo =
    person.photo &&
    path
      .relative(path.dirname(path.resolve(resume.file)), person.photo)
      .split(path.sep)
      .join('/');
  const image = person.jsonResume?.image ?? photo;
  if (image) basics.image = image;
  if (person.email) basics.email = person.email;
  if (person.phone) basics.phone = person.phone;
  if (person.website) basics.url = person.website;
  const summary = paragraphsOf(resume.summary);
  if (summary) basics.summary = summary;
  if (person.location) basics.location = person.locationParts ?? partsOfLine(person.location);
  if (person.links.length > 0) basics.profiles = person.links.map(({ label, url }) => profileOf(label, url));
  if (resume.summary.some((b) => b.type === 'list'))
    warn(resume.summary.find((b) => b.type === 'list')!.line, messages.exportSummaryList);
  return basics;
}

/** `Twitter: ada` → network and username; a bare URL's label names no network but its site. */
function profileOf(label: string, url: string): JsonObject {
  const named = /^([^:]+): (.+)$/.exec(label);
  if (named) return { network: named[1], username: named[2], url };
  if (label !== shownUrl(url)) return { network: label, url };
  const host = (() => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return '';
    }
  })();
  const site = host.split('.').slice(-2, -1)[0];
  return site ? { network: site.charAt(0).toUpperCase() + site.slice(1), url } : { url };
}

function entryItems(
  kind: EntryKind,
  blocks: Block[],
  entries: Entry[],
  warn: (line: number | undefined, message: string) => void,
): JsonObject[] {
  if (blocks.length > 0) warn(blocks[0]!.line, messages.exportTextBeforeEntries(kind.title));
  return entries
    .flatMap((entry) => (entry.roles.length === 0 ? [entry] : flattenRoles(entry)))
    .map((item) => entryItem(kind, item, warn));
}

/** One item per role: the role's title and dates, the entry's heading as the subtitle (organisation and place). */
function flattenRoles(entry: Entry): Item[] {
  const entryDates = entry.aside && textToRange(text(entry.aside)) ? entry.aside : undefined;
  const place = entryDates ? undefined : entry.aside;
  const facts = entry.details.filter((d) => d.type === 'fact');
  const subtitle: DetailLine = { type: 'subtitle', text: entry.title, aside: place, line: entry.line };
  return entry.roles.map((role: Role, i): Item => ({
    title: role.title,
    aside: role.aside ?? entryDates,
    details: [subtitle, ...entry.details.filter((d) => d.type === 'subtitle'), ...facts, ...role.details],
    blocks: i === 0 ? [...entry.blocks, ...role.blocks] : role.blocks,
    line: role.line,
  }));
}

function entryItem(
  kind: EntryKind,
  entry: Item,
  warn: (line: number | undefined, message: string) => void,
): JsonObject {
  const item: JsonObject = {};
  const set = (field: string, rich: RichText): void => {
    const link = rich.children.length === 1 && rich.children[0]!.type === 'link' ? rich.children[0] : undefined;
    // A link's target is the item's `url`, whichever of heading and subtitle carries it.
    if (link && kind.linked && (field === kind.linked || item.url === undefined)) {
      item[field] = inlineToText(link.children).trim();
      item.url = link.url;
    } else if (text(rich) !== '') item[field] = text(rich);
  };
  const setDates = (aside: RichText | undefined, line: number): boolean => {
    if (!aside || !kind.dates) return false;
    if ('on' in kind.dates) {
      const on = textToIso(text(aside));
      if (on) item[kind.dates.on] = on;
      return on !== undefined;
    }
    const range = textToRange(text(aside));
    if (range?.start) item[kind.dates.start] = range.start;
    if (range?.end) item[kind.dates.end] = range.end;
    if (!range && !kind.place) warn(line, messages.exportNotADate(text(aside)));
    return range !== undefined;
  };

  set(kind.heading, entry.title);
  if (!setDates(entry.aside, entry.line) && entry.aside && kind.place) item[kind.place] = text(entry.aside);

  const textParts: string[] = [];
  const bullets: string[] = [];
  let subtitleTaken = false;
  for (const line of entry.details) {
    if (line.type === 'subtitle') {
      if (kind.subtitle && !subtitleTaken) {
        subtitleTaken = true;
        set(kind.subtitle, line.text);
        if (line.aside && !setDates(line.aside, line.line) && kind.place) item[kind.place] = text(line.aside);
      } else textParts.push(text(line.text));
      continue;
    }
    const { field, list } = factField(kind, line.label);
    if (list) item[field] = splitList(text(line.value));
    else if (field === kind.text) textParts.push(text(line.value));
    else item[field] = text(line.value);
  }
  for (const block of entry.blocks) {
    if (block.type === 'paragraph') textParts.push(text(block.text));
    else if (block.type === 'table') textParts.push(tableText(block, ''));
    else bullets.push(...block.items.flatMap((i) => [text(i.text), ...i.items.map((sub) => text(sub.text))]));
  }
  if (textParts.length > 0) {
    if (kind.text) item[kind.text] = textParts.join('\n\n');
    else warn(entry.line, messages.exportNoText(kind.title, textParts[0]!.slice(0, 40)));
  }
  if (bullets.length > 0) {
    if (kind.bullets) item[kind.bullets] = bullets;
    else if (kind.text)
      item[kind.text] = [item[kind.text], ...bullets.map((b) => `- ${b}`)].filter(Boolean).join('\n\n');
  }
  return item;
}

/**
 * `- **Web Development** (Master): HTML, CSS` (or `**Languages:** C++, C#`) → a skill, language, interest or profile.
 */
function listItems(
  kind: ListKind,
  blocks: Block[],
  entries: Entry[],
  warn: (line: number | undefined, message: string) => void,
): JsonObject[] {
  if (entries.length > 0) warn(entries[0]!.line, messages.exportEntriesInList(kind.title));
  const lines = blocks.flatMap((block) =>
    block.type === 'list'
      ? block.items.map((i) => i.text)
      : block.type === 'table'
        ? block.rows.map(rowAsItem)
        : [block.text],
  );
  return lines.map((rich) => {
    const first = rich.children[0];
    let name: string;
    let rest: string;
    if (first?.type === 'strong') {
      name = inlineToText(first.children).trim();
      rest = inlineToText(rich.children.slice(1));
    } else {
      const all = text(rich);
      const colon = all.indexOf(': ');
      [name, rest] = colon < 0 ? [all, ''] : [all.slice(0, colon), all.slice(colon + 1)];
    }
    const { level, values } = decodeRest(rest, kind.level !== undefined);
    const item: JsonObject = { [kind.name]: decodeName(name) };
    if (kind.level && level) item[kind.level] = level;
    if (kind.values && values) item[kind.values.field] = kind.values.list ? splitList(values) : values;
    return item;
  });
}

/** A table's row as a list item: `**first cell**: the other cells`. */
function rowAsItem(row: TableRow): RichText {
  const [first, ...rest] = row.cells.map((cell) => cell.text);
  const values = rest
    .filter((r) => r.plain !== '')
    .flatMap((r, i) => (i === 0 ? r.children : [{ type: 'text' as const, value: ', ' }, ...r.children]));
  return richText([
    { type: 'strong', children: first?.children ?? [] },
    ...(values.length > 0 ? [{ type: 'text' as const, value: ': ' }, ...values] : []),
  ]);
}

function paragraphsOf(blocks: readonly Block[]): string | undefined {
  const parts = blocks.map((b) =>
    b.type === 'paragraph'
      ? text(b.text)
      : b.type === 'table'
        ? tableText(b, '')
        : b.items.map((i) => `- ${text(i.text)}`).join('\n'),
  );
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function text(rich: RichText): string {
  return inlineToText(rich.children).trim();
}
