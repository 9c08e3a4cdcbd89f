import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type * as z from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';
import { describeType, messages } from '../model/messages.js';
import { frontmatterSchema, knownFrontmatterKeys, type Frontmatter } from '../model/schema.js';
import { isForeignKey, readForeignKeys, type NameCandidate } from './foreign-keys.js';
import { nearest } from './suggest.js';

export interface FrontmatterResult<T = Frontmatter> {
  /** Present when the frontmatter is valid (warnings allowed). */
  data?: T;
  /** The file line each top-level key is written on. */
  keyLines: Record<string, number>;
  /** Other tools' keys for the name (`title:`, `author:`), for when there is no `name:`. */
  names: NameCandidate[];
  diagnostics: Diagnostic[];
}

/** Alias expansion cap: an alias bomb fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 100;
/**
 * Flow collections (`[`, `{`) nested deeper than this are refused before the
 * YAML parser recurses into them: its stack would give out at a depth (and
 * so at a place in the file) that depends on how Node was started.
 */
const MAX_FLOW_DEPTH = 64;

type Report = (offset: number, severity: Diagnostic['severity'], message: string, hint?: string) => void;

/** What a frontmatter is checked against: a resume's, or another document's (a cover letter's). */
export interface FrontmatterKind<T> {
  schema: z.ZodType<T>;
  /** Its keys, for spotting typos. */
  known: readonly string[];
  /** Whether other tools' keys (`title:`, `author:`) are read as the resume's. */
  foreignKeys: boolean;
}

const RESUME: FrontmatterKind<Frontmatter> = {
  schema: frontmatterSchema,
  known: knownFrontmatterKeys,
  foreignKeys: true,
};

/**
 * Parses and validates the YAML frontmatter, reporting every problem it finds
 * (not just the first). `firstLine` is the file line the YAML starts on, so
 * every diagnostic names the line in the person's file.
 */
export function parseFrontmatter<T = Frontmatter>(
  yamlText: string,
  file: string,
  firstLine: number,
  fileLines: readonly string[],
  kind: FrontmatterKind<T> = RESUME as unknown as FrontmatterKind<T>,
): FrontmatterResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const report: Report = (offset, severity, message, hint) => {
    const pos = lineCounter.linePos(offset);
    const line = pos.line + firstLine - 1;
    diagnostics.push({ file, line, column: pos.col, severity, message, hint, sourceLine: fileLines[line - 1] });
  };
  const keyLines: Record<string, number> = {};
  const names: NameCandidate[] = [];

  const deep = tooDeep(yamlText);
  if (deep >= 0) {
    report(deep, 'error', messages.yamlTooDeep);
    return { keyLines, names, diagnostics };
  }

  // One syntax error per line: YAML often reports a single slip several ways.
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    const { offset, message, hint } = explainYamlError(error, yamlText);
    const line = lineCounter.linePos(offset).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    report(offset, 'error', message, hint);
  }
  for (const warning of doc.warnings)
    report(warning.pos[0], 'warning', messages.yamlOther(firstSentence(warning.message)));
  if (doc.errors.length > 0) return { keyLines, names, diagnostics };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const message = (error as Error).message;
    if (/alias count/i.test(message))
      report(Math.max(0, yamlText.search(/\*[^\s,\]}]/)), 'error', messages.yamlAliasBomb, messages.yamlAliasBombHint);
    else if (error instanceof RangeError) report(0, 'error', messages.yamlTooDeep);
    else report(0, 'error', messages.yamlOther(firstSentence(message)));
    return { keyLines, names, diagnostics };
  }
  if (!isMap(doc.contents) && doc.contents !== null) {
    report(doc.contents.range?.[0] ?? 0, 'error', messages.frontmatterNotMap);
    return { keyLines, names, diagnostics };
  }

  const keyOffsets: Record<string, number> = {};
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    keyOffsets[key] = offsetOf(pair.key as Node);
    keyLines[key] = lineCounter.linePos(keyOffsets[key]).line + firstLine - 1;
    if (kind.known.includes(key) || (kind.foreignKeys && isForeignKey(key))) continue;
    const suggestion = nearest(key, kind.known);
    report(
      keyOffsets[key],
      'warning',
      messages.unknownKey(key),
      suggestion ? messages.didYouMean(suggestion) : undefined,
    );
  }
  let data = raw;
  if (kind.foreignKeys) {
    const foreign = readForeignKeys(raw as Record<string, unknown>, keyLines);
    for (const note of foreign.notes) report(keyOffsets[note.key] ?? 0, 'warning', note.message, note.hint);
    names.push(...foreign.names);
    data = foreign.data;
  }

  const result = kind.schema.safeParse(data, { reportInput: true });
  if (result.success) return { data: result.data, keyLines, names, diagnostics };
  for (const { path, message, hint } of result.error.issues.flatMap(explainIssue)) {
    report(offsetOf(nodeAt(doc, path)), 'error', `${pathLabel(path)}${message}`, hint);
  }
  return { keyLines, names, diagnostics };
}

/**
 * Where flow brackets first nest deeper than MAX_FLOW_DEPTH, or -1 (brackets in quotes count too: no resume has 64 of
 * them).
 */
function tooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

/** A YAML syntax error in words a person knows, pointing where the fix goes. */
function explainYamlError(error: YAMLError, text: string): { offset: number; message: string; hint?: string } {
  const offset = error.pos[0];
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (quote) {
    // YAML notices at the end of the document; the fix belongs where the quote opens.
    const opened = text.lastIndexOf(quote, offset - 1);
    return {
      offset: opened >= 0 ? opened : offset,
      message: messages.yamlUnclosedQuote(quote),
      hint: messages.yamlUnclosedQuoteHint(quote),
    };
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { offset, message: messages.yamlTab };
    case 'DUPLICATE_KEY':
      return {
        offset,
        message: messages.yamlDuplicateKey(/^[^:\n]*/.exec(text.slice(offset))![0].trim()),
        hint: messages.yamlDuplicateKeyHint,
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { offset, message: messages.yamlNestedMapping, hint: messages.yamlNestedMappingHint };
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, message: messages.yamlNotKeyValue, hint: messages.yamlNotKeyValueHint };
    case 'BAD_SCALAR_START':
      return { offset, message: messages.yamlReservedStart(text[offset] ?? ''), hint: messages.yamlQuoteHint };
  }
  const bracket = /Flow (sequence|map)/.exec(error.message)?.[1];
  if (bracket)
    return {
      offset: text.lastIndexOf(bracket === 'map' ? '{' : '[', offset),
      message: messages.yamlUnclosedFlow(bracket === 'map' ? '{' : '['),
    };
  if (/call stack/i.test(error.message)) return { offset, message: messages.yamlTooDeep };
  if (/Implicit map keys need to be followed/.test(error.message))
    return { offset, message: messages.yamlNotKeyValue, hint: messages.yamlNotKeyValueHint };
  return { offset, message: messages.yamlOther(firstSentence(error.message)) };
}

type Path = (string | number)[];

interface Explained {
  path: Path;
  message: string;
  hint?: string;
}

/** A schema issue in words: `must be text, not a list`, `is missing`... */
function explainIssue(issue: z.core.$ZodIssue): Explained | Explained[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(issue);
      if (received === 'undefined') return { path, message: messages.valueMissing };
      if (received === 'null') return { path, message: messages.valueEmpty };
      return { path, message: messages.valueWrongType(describeType(issue.expected), describeType(received)) };
    }
    case 'invalid_union': {
      // The branch that got furthest tells what was meant (a link object missing its `url`);
      // when none got past the value itself, list what each branch would take.
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const deepest = branches.reduce<z.core.$ZodIssue[] | undefined>(
        (best, branch) => (depthOf(branch) > depthOf(best ?? []) ? branch : best),
        undefined,
      );
      if (deepest && depthOf(deepest) > 0)
        return deepest.flatMap(explainIssue).map((inner) => ({ ...inner, path: [...path, ...inner.path] }));
      const expected = [
        ...new Set(
          branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? describeType(i.expected) : undefined))),
        ),
      ].filter(Boolean);
      const received = branches[0]?.[0] ? receivedType(branches[0][0]) : 'undefined';
      if (received === 'undefined') return { path, message: messages.valueMissing };
      return { path, message: messages.valueWrongType(expected.join(' or '), describeType(received)) };
    }
    case 'invalid_value':
      return { path, message: messages.valueChoice(issue.values.map(String), String(issue.input)) };
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const known = nearest(key, ['label', 'url']);
      return { path, message: messages.valueUnknownKey(key), hint: known ? messages.didYouMean(known) : undefined };
    }
    default:
      return { path, message: messages.valueOther(issue.message) };
  }
}

function depthOf(branch: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...branch.map((i) => i.path.length));
}

/** zod keeps the offending value on the issue; its YAML-facing type name. */
function receivedType(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** `links` item 2 / `url` → "`links` item 2: `url` "; a top-level key → "`phone` ". */
function pathLabel(path: Path): string {
  const parts = path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : `\`${p}\``));
  const last = typeof path.at(-1) === 'string' ? parts.pop()! : undefined;
  return [parts.join(' '), last].filter(Boolean).join(': ') + (path.length > 0 ? ' ' : '');
}

/** The node at a path, or the nearest ancestor that exists (for a missing key). */
function nodeAt(doc: Document, path: Path): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = doc.getIn(path.slice(0, length), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}

function offsetOf(node: Node | undefined | null): number {
  return node?.range?.[0] ?? 0;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
