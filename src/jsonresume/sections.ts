/**
 * How each JSON Resume section maps to the Markdown format; import and export
 * both read this one table, so they stay each other's inverse.
 */

export type JsonObject = Record<string, unknown>;

/** A section whose items are entries: `### heading | dates`, a subtitle, facts, text and bullets. */
export interface EntryKind {
  key: string;
  /** The `## Title` an import writes. */
  title: string;
  /** Section titles an export recognises (lower case), besides `title`. */
  aliases: string[];
  /** The field printed as the entry heading. */
  heading: string;
  /** The field set as the first detail line (a subtitle). */
  subtitle?: string;
  /** Which of heading and subtitle carries the item's `url` as a link. */
  linked?: string;
  /** The date fields, shown as the heading's right-hand part. */
  dates?: { start: string; end: string } | { on: string };
  /** A field shown as the subtitle's right-hand part (a place). */
  place?: string;
  /** String fields as `Label: value` facts. */
  facts: Record<string, string>;
  /** String-list fields as `Label: a, b` facts. */
  listFacts: Record<string, string>;
  /** The field of descriptive paragraphs. */
  text?: string;
  /** The string-list field of bullets. */
  bullets?: string;
  /** Items in a row with the same subtitle (organisation) are written as roles of one entry. */
  roles?: true;
}

/** A section whose items are list lines: `- **name** (level): values`. */
export interface ListKind {
  key: string;
  title: string;
  aliases: string[];
  name: string;
  level?: string;
  /** A string-list field (comma separated), or a single string field. */
  values?: { field: string; list: boolean };
}

const RANGE = { start: 'startDate', end: 'endDate' };

export const ENTRY_KINDS: readonly EntryKind[] = [
  {
    key: 'work',
    title: 'Experience',
    aliases: ['work', 'work experience', 'professional experience', 'employment', 'career'],
    heading: 'position',
    subtitle: 'name',
    linked: 'name',
    dates: RANGE,
    place: 'location',
    facts: { description: 'Description' },
    listFacts: { keywords: 'Keywords' },
    text: 'summary',
    bullets: 'highlights',
    roles: true,
  },
  {
    key: 'projects',
    title: 'Projects',
    aliases: ['side projects', 'open source'],
    heading: 'name',
    subtitle: 'entity',
    linked: 'name',
    dates: RANGE,
    facts: { type: 'Type' },
    listFacts: { roles: 'Roles', keywords: 'Keywords' },
    text: 'description',
    bullets: 'highlights',
  },
  {
    key: 'education',
    title: 'Education',
    aliases: [],
    heading: 'institution',
    subtitle: 'studyType',
    linked: 'institution',
    dates: RANGE,
    facts: { area: 'Field', score: 'Score' },
    listFacts: {},
    bullets: 'courses',
  },
  {
    key: 'volunteer',
    title: 'Volunteering',
    aliases: ['volunteer', 'volunteer experience', 'volunteer work'],
    heading: 'position',
    subtitle: 'organization',
    linked: 'organization',
    dates: RANGE,
    facts: {},
    listFacts: {},
    text: 'summary',
    bullets: 'highlights',
    roles: true,
  },
  {
    key: 'awards',
    title: 'Awards',
    aliases: ['honors', 'honours', 'honors and awards', 'achievements'],
    heading: 'title',
    subtitle: 'awarder',
    dates: { on: 'date' },
    facts: {},
    listFacts: {},
    text: 'summary',
  },
  {
    key: 'certificates',
    title: 'Certificates',
    aliases: ['certifications', 'licenses and certifications'],
    heading: 'name',
    subtitle: 'issuer',
    linked: 'name',
    dates: { on: 'date' },
    facts: {},
    listFacts: {},
  },
  {
    key: 'publications',
    title: 'Publications',
    aliases: ['papers', 'talks'],
    heading: 'name',
    subtitle: 'publisher',
    linked: 'name',
    dates: { on: 'releaseDate' },
    facts: {},
    listFacts: {},
    text: 'summary',
  },
  {
    key: 'references',
    title: 'References',
    aliases: ['recommendations'],
    heading: 'name',
    facts: {},
    listFacts: {},
    text: 'reference',
  },
];

/** The fields of an entry kind's items that JSON Resume defines. */
export function knownFields(kind: EntryKind): Set<string> {
  const dates = kind.dates ? Object.values(kind.dates) : [];
  return new Set(
    [
      kind.heading,
      kind.subtitle,
      kind.place,
      kind.text,
      kind.bullets,
      kind.linked && 'url',
      ...Object.keys(kind.facts),
      ...Object.keys(kind.listFacts),
      ...dates,
    ].filter((f): f is string => Boolean(f)),
  );
}

/**
 * The field a `Label: value` fact under an entry sets: the kind's own label for it, or the label read as a field name.
 */
export function factField(kind: EntryKind, label: string): { field: string; list: boolean } {
  const lower = label.toLowerCase();
  const listField = Object.keys(kind.listFacts).find((f) => kind.listFacts[f]!.toLowerCase() === lower);
  if (listField) return { field: listField, list: true };
  return {
    field: Object.keys(kind.facts).find((f) => kind.facts[f]!.toLowerCase() === lower) ?? fieldOf(label),
    list: false,
  };
}

/** List kinds' fields that JSON Resume defines. */
export function listFields(kind: ListKind): Set<string> {
  return new Set([kind.name, kind.level, kind.values?.field].filter((f): f is string => Boolean(f)));
}

export const LIST_KINDS: readonly ListKind[] = [
  {
    key: 'skills',
    title: 'Skills',
    aliases: ['technical skills', 'skills and tools'],
    name: 'name',
    level: 'level',
    values: { field: 'keywords', list: true },
  },
  { key: 'languages', title: 'Languages', aliases: [], name: 'language', values: { field: 'fluency', list: false } },
  {
    key: 'interests',
    title: 'Interests',
    aliases: ['hobbies'],
    name: 'name',
    values: { field: 'keywords', list: true },
  },
  // Profiles without a URL cannot be frontmatter links; they keep a section of their own.
  {
    key: 'profiles',
    title: 'Profiles',
    aliases: [],
    name: 'network',
    level: 'url',
    values: { field: 'username', list: false },
  },
];

/** `technologies` ↔ `Technologies`, `startedAt` ↔ `Started at`: fields without a place of their own become facts. */
export function labelOf(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldOf(label: string): string {
  return label
    .toLowerCase()
    .split(/\s+/)
    .map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}
