import { htmlTagNames } from 'html-tag-names';
import { Parser } from 'htmlparser2';
import type { Inline } from '../model/resume.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { isSafeUrl, joined } from './inline.js';

/**
 * Raw HTML in a resume: its text is the person's, its tags are not passed
 * through. A real tokenizer (htmlparser2) reads the tags; their text is kept,
 * `<b>`, `<i>`, `<del>`, `<a href>` and `<br>` become the model's bold,
 * italic, struck text, links and line breaks, block tags break paragraphs, and
 * `<script>`/`<style>` content is left out. A tag no browser knows
 * (`Led the <migration> of`) is text, printed as written.
 */

const KNOWN = new Set(htmlTagNames);
const FORMATS: Record<string, 'strong' | 'emphasis' | 'delete'> = {
  b: 'strong',
  strong: 'strong',
  i: 'emphasis',
  em: 'emphasis',
  del: 'delete',
  s: 'delete',
  strike: 'delete',
};
/** Tags whose start or end begins a new paragraph (a new line, inside a paragraph). */
const BLOCKS = new Set(
  (
    'address article aside blockquote caption center details dd dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre search section summary table ' +
    'tr ul'
  ).split(' '),
);
/** Tags whose content is code or styling, never words. */
const SILENT = new Set(['script', 'style', 'template']);
/** The end of a paragraph, among the inlines; a line break where paragraphs cannot end. */
const PARAGRAPH: Inline = { type: 'break' };

interface Frame {
  name: string;
  children: Inline[];
  close(children: Inline[]): Inline[];
}

/** Reads HTML fragments and the inline Markdown between them into the model's inlines. */
export class HtmlReader {
  private readonly stack: Frame[] = [{ name: '', children: [], close: () => [] }];
  /** Inside `<script>` or `<style>`: their content is left out. */
  private silent?: string;

  constructor(private readonly ctx: ParseContext) {}

  /** A fragment of raw HTML, as Markdown gives it: a block, or one inline tag. */
  html(value: string, place: { line: number; column: number } | undefined): void {
    // The tags still open from earlier fragments are opened first, unheard, so that the
    // tokenizer pairs this fragment's end tags (`</b>`) with them.
    const open = [...this.stack.slice(1).map((frame) => frame.name), ...(this.silent ? [this.silent] : [])];
    const prefix = open.map((name) => `<${name}>`).join('');
    let heard = false;
    const written = (): string => value.slice(parser.startIndex - prefix.length, parser.endIndex + 1 - prefix.length);
    const parser: Parser = new Parser(
      {
        onopentag: (name, attributes) => heard && this.open(name, attributes, written(), place),
        onclosetag: (name, implied) => heard && !implied && this.close(name, written(), place),
        ontext: (text) => heard && this.text(text),
      },
      { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
    );
    parser.write(prefix);
    heard = true;
    parser.end(value);
  }

  /** Inline Markdown between the tags. */
  inlines(nodes: readonly Inline[]): void {
    if (!this.silent) this.top.children.push(...nodes);
  }

  /** The text read, in paragraphs (empty ones left out). */
  paragraphs(): Inline[][] {
    while (this.stack.length > 1) this.pop();
    const out: Inline[][] = [[]];
    for (const node of this.top.children) {
      if (node === PARAGRAPH) out.push([]);
      else out[out.length - 1]!.push(node);
    }
    return out.map(trimmed).filter((p) => p.length > 0);
  }

  /** The text read as one paragraph: paragraph ends become line breaks. */
  inline(): Inline[] {
    return joined(this.paragraphs(), { type: 'break' });
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private open(name: string, attributes: Record<string, string>, written: string, place: Place): void {
    if (!KNOWN.has(name)) return this.text(written, true);
    this.counted(place);
    if (this.silent) return;
    if (SILENT.has(name)) {
      this.silent = name;
      this.ctx.warn(place, messages.htmlContentDropped(name));
    } else if (name === 'br') this.top.children.push({ type: 'break' });
    else if (name === 'img' && attributes['alt']) this.text(attributes['alt']);
    // Cells of an HTML table stay apart, as a browser shows them.
    else if (name === 'td' || name === 'th') this.text(' ');
    else if (BLOCKS.has(name)) {
      this.top.children.push(PARAGRAPH);
      // A heading's text stands out as it did: in bold.
      if (/^h[1-6]$/.test(name)) this.format(name, 'strong');
    } else if (FORMATS[name]) this.format(name, FORMATS[name]);
    else if (name === 'a' && attributes['href'] !== undefined) this.link(attributes['href'], place);
  }

  private link(href: string, place: Place): void {
    const safe = isSafeUrl(href);
    if (!safe) this.ctx.warn(place, messages.linkDropped(href));
    const close = (children: Inline[]): Inline[] => (safe ? [{ type: 'link', url: href, children }] : children);
    this.stack.push({ name: 'a', children: [], close });
  }

  private format(name: string, type: 'strong' | 'emphasis' | 'delete'): void {
    this.stack.push({ name, children: [], close: (children) => [{ type, children }] });
  }

  private close(name: string, written: string, place: Place): void {
    if (!KNOWN.has(name)) return this.text(written, true);
    this.counted(place);
    if (this.silent) {
      if (name === this.silent) this.silent = undefined;
      return;
    }
    let at = this.stack.length - 1;
    while (at > 0 && this.stack[at]!.name !== name) at--;
    if (at > 0) while (this.stack.length > at) this.pop();
    if (BLOCKS.has(name)) this.top.children.push(PARAGRAPH);
  }

  private pop(): void {
    const frame = this.stack.pop()!;
    if (frame.children.length > 0) this.top.children.push(...frame.close(frame.children));
  }

  /** Text between tags; white space runs are one space, as a browser shows them. */
  private text(value: string, asWritten = false): void {
    if (this.silent || value === '') return;
    this.top.children.push({ type: 'text', value: asWritten ? value : value.replace(/\s+/g, ' ') });
  }

  private counted(place: Place): void {
    this.ctx.strippedTags.count++;
    this.ctx.strippedTags.first ??= place;
  }
}

type Place = { line: number; column: number } | undefined;

/** A paragraph without the spaces and line breaks at its ends. */
function trimmed(nodes: Inline[]): Inline[] {
  const out = [...nodes];
  const blank = (n: Inline | undefined): boolean =>
    n?.type === 'break' || (n?.type === 'text' && n.value.trim() === '');
  while (blank(out[0])) out.shift();
  while (blank(out[out.length - 1])) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

/** One warning for every HTML tag of the file, at the first one. */
export function reportStrippedTags(ctx: ParseContext): void {
  const { count, first } = ctx.strippedTags;
  if (count > 0) ctx.warn(first, messages.htmlTagsStripped(count), messages.htmlTagsStrippedHint);
}
