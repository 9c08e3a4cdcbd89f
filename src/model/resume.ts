import type { LocationParts } from './location.js';
import type { Frontmatter } from './schema.js';

/**
 * The Resume model: what the parser produces and the renderers consume.
 * Text that may carry inline Markdown is a `RichText`, a small safe tree
 * (never markup strings), so each output language escapes it in one place.
 */

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'delete'; children: Inline[] }
  /** A footnote's number, where it is referred to and before its text. */
  | { type: 'note'; number: number }
  /** A task list item's box (`- [ ]`, `- [x]`), before its text. */
  | { type: 'task'; done: boolean }
  | { type: 'break' };

export interface RichText {
  type: 'rich';
  children: Inline[];
  /** The same text without markup, for metadata and plain-text uses. */
  plain: string;
}

export interface ListItem {
  text: RichText;
  /** One level of nesting, as the format allows. */
  items: ListItem[];
  line: number;
  /** The variants it belongs to (`{.tag}`); untagged items belong to all. */
  tags?: string[];
}

export interface TableCell {
  text: RichText;
  align: 'left' | 'center' | 'right';
  /** The column's share of the line width (the shares of a row add up to 1), from its longest text. */
  width: number;
}

export interface TableRow {
  cells: TableCell[];
  line: number;
}

export type Block =
  | { type: 'paragraph'; text: RichText; line: number }
  | { type: 'list'; ordered: boolean; items: ListItem[]; line: number }
  /** A GFM table: the head row, then the body rows, every row as wide as the head. */
  | { type: 'table'; head: TableRow; rows: TableRow[]; line: number };

/** A line under an entry or role heading: `Label: value`, or a subtitle. */
export type DetailLine =
  | { type: 'fact'; label: string; value: RichText; line: number }
  | { type: 'subtitle'; text: RichText; aside?: RichText; line: number };

export interface Role {
  title: RichText;
  /** The right-hand part after ` | `, e.g. the dates. */
  aside?: RichText;
  details: DetailLine[];
  /** Highlights (lists) and descriptive paragraphs, in source order. */
  blocks: Block[];
  line: number;
  /** The variants it belongs to (`{.tag}`); untagged ones belong to all. */
  tags?: string[];
}

export interface Entry extends Role {
  roles: Role[];
}

export interface Section {
  title: RichText;
  /** Free content, or the text before the first entry. */
  blocks: Block[];
  entries: Entry[];
  line: number;
}

export interface Link {
  label: string;
  url: string;
}

/** The kinds of contact details, as the header shows them. */
export type ContactKind = 'email' | 'phone' | 'location' | 'website' | 'link';

/**
 * One contact of the body's line, where it was written: a detail the person has one of, a link by its place in
 * `links`, or one of the places the location was joined from.
 */
export type ContactSlot =
  { kind: 'email' | 'phone' | 'website' } | { kind: 'link'; index: number } | { kind: 'location'; place: string };

export interface Person {
  name: string;
  headline?: string;
  /** Absolute path of the photo on disk. */
  photo?: string;
  email?: string;
  phone?: string;
  location?: string;
  /** The location's parts, when the frontmatter gives them (as a JSON Resume import does). */
  locationParts?: LocationParts;
  website?: string;
  links: Link[];
  /** Kept for the JSON Resume export, printed nowhere. */
  jsonResume?: { image?: string; meta?: Record<string, string> };
  /** The order the body's line of contacts wrote them in; what it does not name follows in the usual order. */
  contactOrder?: ContactSlot[];
}

/** Typesetting settings: the frontmatter less the person's details. */
export type Settings = Omit<Frontmatter, keyof Person>;

export interface Resume {
  /** The Markdown file it came from, as given. */
  file: string;
  person: Person;
  summary: Block[];
  sections: Section[];
  settings: Settings;
  /** The line each frontmatter key is written on, for later stages' diagnostics. */
  keyLines: Record<string, number>;
}
