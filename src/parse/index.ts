import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { localeFor } from '../model/locale.js';
import type { Link, Person, Resume } from '../model/resume.js';
import { arrangeSections } from './arrange.js';
import { parseBody } from './body.js';
import { ParseContext } from './context.js';
import { parseFrontmatter } from './frontmatter.js';
import { isSafeUrl } from './inline.js';
import { checkEmphasis, checkNesting } from './limits.js';
import { parseMarkdown } from './markdown.js';
import { smartQuotes, smartQuotesIn } from './quotes.js';

export interface ParseResult {
  /** Present unless an error makes the resume unusable. */
  resume?: Resume;
  diagnostics: Diagnostic[];
}

/**
 * Parses a resume's Markdown into the `Resume` model. `file` names the source
 * in diagnostics and anchors relative paths (the photo).
 */
export function parseResume(source: string, file: string): ParseResult {
  const ctx = new ParseContext(file, source.replace(/^\uFEFF/, ''));
  if (ctx.source.trim() === '') {
    ctx.error({ line: 1, column: 1 }, messages.fileEmpty, messages.fileEmptyHint);
    return { diagnostics: ctx.diagnostics };
  }
  if (!checkNesting(ctx) || !checkEmphasis(ctx)) return { diagnostics: ctx.diagnostics };
  const tree = parseMarkdown(ctx.source);
  smartQuotes(tree, ctx.source);

  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode && /^---\s*$/.test(ctx.lines[0] ?? '')) {
    ctx.error({ line: 1, column: 1 }, messages.frontmatterUnclosed, messages.frontmatterUnclosedHint);
    return { diagnostics: ctx.diagnostics };
  }
  const { data: frontmatter, keyLines, diagnostics } = parseFrontmatter(yamlNode?.value ?? '', file, (yamlNode?.position?.start.line ?? 0) + 1, ctx.lines);
  ctx.diagnostics.push(...diagnostics);
  if (frontmatter) ctx.locale = localeFor(frontmatter.locale);

  const body = parseBody(tree.children, ctx);
  if (!frontmatter) return { diagnostics: sorted(ctx.diagnostics) };

  const name = resolveName(frontmatter.name, body.name, yamlNode !== undefined, ctx);
  if (name === undefined) return { diagnostics: sorted(ctx.diagnostics) };

  const { name: _name, headline, photo, email, phone, location, website, links, ...settings } = frontmatter;
  const person: Person = {
    name,
    headline,
    photo: photo === undefined ? undefined : path.resolve(path.dirname(file), photo),
    email,
    phone,
    location,
    website: website === undefined ? undefined : safeUrl(website, '`website`', ctx),
    links: (links ?? []).map((link, i) => toLink(link, i, ctx)).filter((link): link is Link => link !== undefined),
  };
  const sections = arrangeSections(body.sections, settings, keyLines, ctx);
  return { resume: { file, person, summary: body.summary, sections, settings, keyLines }, diagnostics: sorted(ctx.diagnostics) };
}

/** In file order, so a person can work down the list (the sort is stable: same-line findings keep their order). */
function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function resolveName(
  fromFrontmatter: string | undefined,
  fromHeading: { text: string; line: number } | undefined,
  hasFrontmatter: boolean,
  ctx: ParseContext,
): string | undefined {
  // The heading's quotes are typographic, the frontmatter's as written (YAML cannot escape one).
  if (fromFrontmatter && fromHeading && smartQuotesIn(fromFrontmatter) !== fromHeading.text && fromFrontmatter !== fromHeading.text) {
    ctx.error({ line: fromHeading.line, column: 1 }, messages.namesDisagree(fromHeading.text, fromFrontmatter), messages.namesDisagreeHint);
    return undefined;
  }
  const name = fromFrontmatter ?? fromHeading?.text;
  if (!name) ctx.error({ line: 1, column: 1 }, hasFrontmatter ? messages.noName : messages.noNameNoFrontmatter);
  return name;
}

function toLink(link: string | { label: string; url: string }, index: number, ctx: ParseContext): Link | undefined {
  const url = safeUrl(typeof link === 'string' ? link : link.url, `\`links\` item ${index + 1}`, ctx);
  if (url === undefined) return undefined;
  const label = typeof link === 'string' ? link.replace(/^(https?:\/\/|mailto:|tel:)/, '').replace(/\/$/, '') : link.label;
  return { label, url };
}

/** A frontmatter URL with its scheme (`example.com` means https), or undefined when its scheme is unsafe. */
function safeUrl(written: string, key: string, ctx: ParseContext): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `https://${written}`;
  if (isSafeUrl(url)) return url;
  const line = ctx.lines.findIndex((l) => l.includes(written)) + 1;
  ctx.warn({ line: line || 1, column: 1 }, messages.frontmatterLinkDropped(key, written));
  return undefined;
}
