import { messages } from '../model/messages.js';
import { isoToText, rangeToText, textToIso, textToRange } from '../model/dates.js';
import type { DetailLine } from '../model/resume.js';
import { parseResume } from '../parse/index.js';
import { isSafeUrl } from '../parse/inline.js';
import { joinList } from './lists.js';
import { linkTarget, mdLink, mdListText, mdParagraphs, mdText, oneLine, withAside } from './markdown.js';
import { factField, knownFields, labelOf, type EntryKind, type JsonObject } from './sections.js';

export type Warn = (message: string) => void;

/**
 * A section's items as entries. Positions in a row at one organisation (same
 * name, link, place and description) become one `###` entry with a `####` role each.
 */
export function entriesMarkdown(kind: EntryKind, items: JsonObject[], paths: string[], warn: Warn): string[] {
  const sharedFields = kind.roles
    ? [kind.subtitle!, 'url', ...(kind.place ? [kind.place] : []), ...Object.keys(kind.facts)]
    : [];
  const sharedOf = (item: JsonObject): string =>
    JSON.stringify(sharedFields.map((field) => textOf(item, field) ?? null));
  const out: string[] = [];
  for (let i = 0; i < items.length;) {
    let end = i + 1;
    while (
      kind.roles &&
      groupable(kind, items[i]!) &&
      end < items.length &&
      sharedOf(items[end]!) === sharedOf(items[i]!)
    )
      end++;
    if (end - i === 1) out.push(entryMarkdown(kind, items[i]!, paths[i]!, warn));
    else {
      const first = items[i]!;
      const place = kind.place ? textOf(first, kind.place) : undefined;
      const heading = `### ${withAside(mdLink(textOf(first, kind.subtitle!)!, textOf(first, 'url')), place && mdText(place))}`;
      const facts = Object.entries(kind.facts).flatMap(([field, label]) =>
        textOf(first, field) ? [`${label}: ${mdText(textOf(first, field)!)}`] : [],
      );
      out.push([heading, ...facts].join('\n'));
      for (let j = i; j < end; j++) {
        const role = Object.fromEntries(Object.entries(items[j]!).filter(([field]) => !sharedFields.includes(field)));
        out.push(entryMarkdown(kind, role, paths[j]!, warn, '####'));
      }
    }
    i = end;
  }
  return out;
}

/**
 * An organisation can head roles when its heading reads back as it: a subtitle, a link that stays one, a place that is
 * no date.
 */
function groupable(kind: EntryKind, item: JsonObject): boolean {
  const url = textOf(item, 'url');
  const place = kind.place ? textOf(item, kind.place) : undefined;
  return (
    textOf(item, kind.subtitle!) !== undefined &&
    (!url || isSafeUrl(linkTarget(url))) &&
    (!place || !textToRange(place))
  );
}

/**
 * One entry: `### heading | dates`, its detail lines (the subtitle, then
 * `Label: value` facts), paragraphs and bullets. A value that would not read
 * back from its usual place (a date that is not ISO, a place that reads as a
 * date, a subtitle that reads as a fact, a URL that is no web link) is written
 * as a fact of its own field (`Start date: Summer 2019`), which reads back exactly.
 */
export function entryMarkdown(kind: EntryKind, item: JsonObject, where: string, warn: Warn, level = '###'): string {
  const str = (key: string | undefined): string | undefined => (key ? textOf(item, key) : undefined);
  const facts: string[] = [];
  const fact = (field: string, value: string): void => void facts.push(`${labelOf(field)}: ${mdText(value)}`);

  const url = kind.linked ? str('url') : undefined;
  const link = url && isSafeUrl(linkTarget(url)) ? url : undefined;
  if (url && !link) fact('url', url);
  const shown = (key: string, value: string): string => (key === kind.linked ? mdLink(value, link) : mdText(value));

  const title = str(kind.heading);
  const dates = title ? datesAside(kind, item) : undefined;
  for (const field of kind.dates ? Object.values(kind.dates) : []) if (str(field) && !dates) fact(field, str(field)!);
  const heading = `${level} ${withAside(title ? shown(kind.heading, title) : '', dates && mdText(dates))}`;

  const subtitle = str(kind.subtitle);
  const place = str(kind.place);
  const placeAside = place && subtitle && !textToRange(place) ? place : undefined;
  if (place && !placeAside) fact(kind.place!, place);
  const line = subtitle && withAside(shown(kind.subtitle!, subtitle), placeAside && mdText(placeAside));
  const subtitleLine = line && readAs(line)?.type === 'subtitle' ? line : undefined;
  if (subtitle && !subtitleLine) fact(kind.subtitle!, subtitle);
  const linkShown = kind.linked === kind.heading ? title : kind.linked === kind.subtitle && subtitleLine;
  if (link && !linkShown) fact('url', link);

  for (const [field, label] of Object.entries(kind.facts))
    if (str(field)) facts.push(`${label}: ${mdText(str(field)!)}`);
  for (const [field, label] of Object.entries(kind.listFacts)) {
    const values = strings(item[field]);
    if (values.length > 0) facts.push(`${label}: ${mdListText(joinList(values))}`);
  }
  facts.push(...otherFacts(kind, item, where, warn));

  const details = [...(subtitleLine ? [subtitleLine] : []), ...facts];
  const paragraphs = kind.text && str(kind.text) ? mdParagraphs(String(item[kind.text])) : [];
  // Without detail lines the first paragraph would be read as them, so it is written as a fact.
  if (details.length === 0 && paragraphs.length > 0) details.push(`${labelOf(kind.text!)}: ${paragraphs.shift()}`);
  const bullets = kind.bullets ? strings(item[kind.bullets]).map((b) => `- ${mdText(b)}`) : [];
  return [[heading, ...details].join('\n'), ...paragraphs, ...(bullets.length > 0 ? [bullets.join('\n')] : [])].join(
    '\n\n',
  );
}

/** The heading's dates, when they read back as the same dates (an ISO date or range). */
function datesAside(kind: EntryKind, item: JsonObject): string | undefined {
  if (!kind.dates) return undefined;
  if ('on' in kind.dates) {
    const on = textOf(item, kind.dates.on);
    return on && textToIso(isoToText(on)) === on ? isoToText(on) : undefined;
  }
  const start = textOf(item, kind.dates.start);
  const end = textOf(item, kind.dates.end);
  const text = start ? rangeToText(start, end) : undefined;
  const back = text ? textToRange(text) : undefined;
  return back && back.start === start && (back.end ?? undefined) === end ? text : undefined;
}

/**
 * Fields JSON Resume does not define: text is kept as a fact (as the export
 * writes a fact with no field of its own), anything else (`pinned: true`,
 * numbers, objects) is left out. Either way a warning names the field.
 */
function otherFacts(kind: EntryKind, item: JsonObject, where: string, warn: Warn): string[] {
  const known = knownFields(kind);
  const facts: string[] = [];
  const lists = new Set([kind.bullets, ...Object.keys(kind.listFacts)]);
  for (const [field, value] of Object.entries(item)) {
    if (value === undefined || value === null || value === '') continue;
    if (known.has(field)) {
      checkType(value, lists.has(field), `${where}.${field}`, warn);
      continue;
    }
    const label = labelOf(field);
    const fact = readAs(`${label}: x`);
    const readsBack = fact?.type === 'fact' && fact.label === label && factField(kind, label).field === field;
    const text = typeof value === 'string' ? oneLine(value) : isTextList(value) ? joinList(strings(value)) : undefined;
    if (text && readsBack) {
      facts.push(`${label}: ${mdText(text)}`);
      warn(messages.jsonFieldKept(`${where}.${field}`, label));
    } else if (text !== '') warn(messages.jsonFieldLeftOut(`${where}.${field}`));
  }
  return facts;
}

/**
 * How mdcv's parser reads a line right under an entry heading, when it reads it as one
 * detail line: the import asks the reader itself whether a subtitle stays one (not a
 * `Label: value` fact, not prose) and whether a field's label makes a fact.
 */
function readAs(line: string): DetailLine | undefined {
  const parsed = parseResume(`---\nname: x\n---\n\n## S\n\n### E\n${line}\n`, 'line.md');
  const details = parsed.resume?.sections[0]?.entries[0]?.details;
  return details?.length === 1 ? details[0] : undefined;
}

/** A field's text: a string (or a number, which JSON Resume means as text), when it has any. */
export function textOf(item: JsonObject, key: string): string | undefined {
  const value = typeof item[key] === 'number' ? String(item[key]) : item[key];
  return typeof value === 'string' && oneLine(value) !== '' ? oneLine(value) : undefined;
}

/** Warns of a field the schema defines that holds other than text (or a list of it), or of each such list item. */
export function checkType(value: unknown, list: boolean, where: string, warn: Warn): void {
  if (value === undefined || value === null || value === '') return;
  if (list && Array.isArray(value)) {
    // The text items of a list stay: only the others are left out.
    value.forEach((item, i) => isText(item) || warn(messages.jsonFieldWrongType(`${where}[${i}]`, 'text')));
  } else if (list || !isText(value)) warn(messages.jsonFieldWrongType(where, list ? 'a list of text' : 'text'));
}

/** A list field's text items (numbers as text, as `textOf` reads them); `isTextList` says whether that is all. */
export function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .filter(isText)
        .map((v) => oneLine(String(v)))
        .filter((v) => v !== '')
    : [];
}

export function isTextList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isText);
}

function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
