import type { Paragraph, PhrasingContent } from 'mdast';
import { contactLink, shownUrl } from '../model/links.js';
import type { ContactSlot, Link, Person } from '../model/resume.js';
import { isSafeUrl } from './inline.js';

/**
 * A line of contacts under `# Name`, as people write it:
 * `jane@example.com | +1 555 0100 | [GitHub](https://github.com/jane) | Portland, OR`.
 * Pieces are separated by `|`, `·`, `•`, a spaced dash or a line break; each is
 * an email, a phone number, a URL, a Markdown link or a place. The line is
 * read only when every piece is one of those: anything that reads as prose
 * keeps the paragraph a paragraph.
 */

export interface FoundContacts {
  /** A first line with no contact on it, or a first piece of a few words, over the contacts. */
  headline?: string;
  /** In the order written. A URL is written bare (`jane.dev`, `<https://jane.dev>`) and kept with its scheme. */
  items: Contact[];
}

type Contact = { kind: 'email' | 'phone' | 'url' | 'place'; text: string } | { kind: 'link'; link: Link };
type Piece = Contact | { kind: 'plain'; text: string } | { kind: 'prose' };

const SEPARATOR = /\n|\s*[|·•⋅∙]\s*|\s+[-–—]\s+/;
const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
/** Digits with the usual punctuation; at least seven digits, so a year range is not a phone. */
const PHONE = /^\+?[\d\s().\-/]+$/;
const URL_TEXT = /^(https?:\/\/)?([\p{L}\p{N}-]+\.)+\p{L}{2,}(:\d+)?(\/\S*)?$/iu;
/** An icon (emoji, symbol) and a label such as `Email:` before the contact itself. */
const LABELS =
  'email|e-mail|mail|phone|tel|telephone|mobile|cell|web|website|homepage|site|blog|portfolio|' +
  'linkedin|github|gitlab|twitter|orcid|location|address|city';
const LABEL = new RegExp(`^[^\\p{L}\\p{N}+(]*(?:(${LABELS})\\s*:)?\\s*`, 'iu');
const PLACE_LABEL = /^(location|address|city)$/i;
/** A place or a headline is a few words; more is prose. */
const MAX_WORDS = 6;
/** Sites whose addresses are profiles, kept as links rather than taken for the website. */
const PROFILE_HOSTS = new Set(
  ['linkedin.com', 'github.com', 'gitlab.com', 'twitter.com', 'x.com', 'orcid.org', 'stackoverflow.com'].concat([
    'scholar.google.com',
    'medium.com',
    'dev.to',
    'kaggle.com',
    'bitbucket.org',
    'mastodon.social',
  ]),
);

/**
 * The contacts of a paragraph that is a line of contacts, or undefined when it
 * is not one. Short text that is no contact is a place (`Portland, OR`), but
 * on a first line of its own, or as the first of several such pieces, it is the headline.
 */
export function readContactLine(
  paragraph: Paragraph,
  definitions: ReadonlyMap<string, string>,
): FoundContacts | undefined {
  // A reference link (`[GitHub][gh]`) is a link to its definition's URL.
  const nodes = paragraph.children.map((n): PhrasingContent =>
    n.type === 'linkReference' ? { type: 'link', url: definitions.get(n.identifier) ?? '', children: n.children } : n,
  );
  const lines = splitPieces(nodes).map((line) => line.map(classify));
  if (lines.some((line) => line.some((p) => p.kind === 'prose'))) return undefined;
  const found: FoundContacts = { items: [] };
  const first = lines[0]!;
  if (lines.length > 1 && first.every((p) => p.kind === 'plain')) {
    found.headline = first.map((p) => (p.kind === 'plain' ? p.text : '')).join(' · ');
    lines.shift();
  } else if (first[0]?.kind === 'plain' && first.filter((p) => p.kind === 'plain').length > 1) {
    found.headline = (first.shift() as { text: string }).text;
  }
  for (const piece of lines.flat()) {
    if (piece.kind === 'plain') found.items.push({ kind: 'place', text: piece.text });
    else if (piece.kind !== 'prose') found.items.push(piece);
  }
  return found.items.some((item) => item.kind !== 'place') ? found : undefined;
}

/**
 * The person with the contacts found in the body added, in the order written:
 * what the frontmatter sets stays; a second email, phone or website becomes a
 * link, a second place joins the location and a second headline the headline,
 * so nothing found is lost.
 */
export function withContacts(person: Person, found: FoundContacts): Person {
  const out: Person = { ...person, links: [...person.links] };
  const order: ContactSlot[] = [];
  const placed = (kind: 'email' | 'phone' | 'website'): void =>
    void (order.some((slot) => slot.kind === kind) || order.push({ kind }));
  // What the frontmatter already shows is not shown twice; all else found is kept, repeats too.
  const shown = (kind: 'email' | 'phone' | 'website', text: string): boolean => {
    if (person[kind] !== text) return false;
    placed(kind);
    return true;
  };
  const addLink = (link: Link): void => {
    let index = person.links.findIndex((given) => given.url === link.url);
    if (index < 0) index = out.links.push(link) - 1;
    order.push({ kind: 'link', index });
  };
  if (found.headline && out.headline !== found.headline) {
    out.headline = [out.headline, found.headline].filter(Boolean).join(' · ');
  }
  for (const item of found.items) {
    if (item.kind === 'link') addLink(item.link);
    else if (item.kind === 'place') {
      if (!person.location?.includes(item.text)) out.location = [out.location, item.text].filter(Boolean).join(', ');
      order.push({ kind: 'location', place: item.text });
    } else if (shown(item.kind === 'url' ? 'website' : item.kind, item.text)) continue;
    else if (item.kind === 'email' && !out.email) {
      out.email = item.text;
      placed('email');
    } else if (item.kind === 'email') {
      addLink(contactLink('email', item.text));
    } else if (item.kind === 'phone' && !out.phone) {
      out.phone = item.text;
      placed('phone');
    } else if (item.kind === 'phone') {
      addLink(contactLink('phone', item.text));
    } else if (!out.website && !PROFILE_HOSTS.has(hostOf(item.text))) {
      out.website = item.text;
      placed('website');
    } else {
      addLink(contactLink('website', item.text));
    }
  }
  return { ...out, contactOrder: order };
}

/** The paragraph's lines, each cut into its pieces (lists of phrasing nodes). */
function splitPieces(nodes: readonly PhrasingContent[]): PhrasingContent[][][] {
  const lines: PhrasingContent[][][] = [[[]]];
  const newPiece = (): void => void lines.at(-1)!.push([]);
  for (const node of nodes) {
    if (node.type === 'break') {
      lines.push([[]]);
    } else if (node.type === 'text') {
      // A line end inside a text node starts a new line; a separator, a new piece.
      node.value.split('\n').forEach((lineText, i) => {
        if (i > 0) lines.push([[]]);
        lineText.split(SEPARATOR).forEach((part, j) => {
          if (j > 0) newPiece();
          if (part !== '') lines.at(-1)!.at(-1)!.push({ type: 'text', value: part });
        });
      });
    } else lines.at(-1)!.at(-1)!.push(node);
  }
  const kept = (piece: PhrasingContent[]): boolean =>
    phrasingText(piece).trim() !== '' || piece.some((n) => n.type === 'link');
  return lines.map((line) => line.filter(kept)).filter((line) => line.length > 0);
}

function classify(piece: PhrasingContent[]): Piece {
  const links = piece.filter((n) => n.type === 'link');
  const rest = piece.filter((n) => n.type !== 'link' && n.type !== 'image' && n.type !== 'html');
  const label = LABEL.exec(phrasingText(rest))!;
  const restText = phrasingText(rest).slice(label[0].length).trim();
  if (links.length === 1) {
    return restText === '' ? classifyLink(links[0]!.url, phrasingText(links[0]!.children).trim()) : { kind: 'prose' };
  }
  if (links.length > 1) return { kind: 'prose' };
  if (EMAIL.test(restText)) return { kind: 'email', text: restText };
  if (PHONE.test(restText) && (restText.match(/\d/g) ?? []).length >= 7) return { kind: 'phone', text: restText };
  if (URL_TEXT.test(restText)) return { kind: 'url', text: withScheme(restText) };
  const sentence = /[.!?]$/.test(restText) && !restText.includes(',');
  if (restText === '' || restText.split(/\s+/).length > MAX_WORDS || sentence) return { kind: 'prose' };
  return { kind: label[1] !== undefined && PLACE_LABEL.test(label[1]) ? 'place' : 'plain', text: restText };
}

function classifyLink(url: string, text: string): Piece {
  if (!isSafeUrl(url)) return { kind: 'prose' };
  if (url.startsWith('mailto:')) return { kind: 'email', text: EMAIL.test(text) ? text : url.slice('mailto:'.length) };
  if (url.startsWith('tel:')) return { kind: 'phone', text: text || url.slice('tel:'.length) };
  // An autolink, or a link whose text is its own address, is a bare URL.
  if (text === '' || shownUrl(text) === shownUrl(url)) return { kind: 'url', text: url };
  return { kind: 'link', link: { label: text, url } };
}

function withScheme(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

function hostOf(url: string): string {
  return (/^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url)?.[1] ?? '').toLowerCase();
}

/** The words of phrasing nodes (no image alt text, no HTML), for telling what a piece is. */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      'value' in n && n.type !== 'html'
        ? n.value
        : 'children' in n
          ? phrasingText(n.children as PhrasingContent[])
          : '',
    )
    .join('');
}
