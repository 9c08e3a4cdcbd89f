import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { frontmatterSchema, knownFrontmatterKeys, type Frontmatter } from '../model/schema.js';
import { nearest } from './suggest.js';

export interface FrontmatterResult {
  /** Present when the frontmatter is valid (warnings allowed). */
  data?: Frontmatter;
  /** The file line each top-level key is written on. */
  keyLines: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** Alias expansion cap: an alias bomb fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses and validates the YAML frontmatter. `firstLine` is the file line the
 * YAML starts on, so every diagnostic names the line in the person's file.
 */
export function parseFrontmatter(yamlText: string, file: string, firstLine: number, fileLines: readonly string[]): FrontmatterResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, severity: Diagnostic['severity'], message: string, hint?: string): Diagnostic => {
    const pos = lineCounter.linePos(offset);
    const line = pos.line + firstLine - 1;
    return { file, line, column: pos.col, severity, message, hint, sourceLine: fileLines[line - 1] };
  };

  const diagnostics: Diagnostic[] = [];
  const keyLines: Record<string, number> = {};
  for (const error of doc.errors) {
    diagnostics.push(at(error.pos[0], 'error', `YAML: ${firstSentence(error.message)}`));
  }
  for (const warning of doc.warnings) {
    diagnostics.push(at(warning.pos[0], 'warning', `YAML: ${firstSentence(warning.message)}`));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { keyLines, diagnostics };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    diagnostics.push(at(0, 'error', `YAML: ${firstSentence((error as Error).message)}`));
    return { keyLines, diagnostics };
  }
  if (!isMap(doc.contents) && doc.contents !== null) {
    diagnostics.push(at(doc.contents.range?.[0] ?? 0, 'error', 'the frontmatter must be a set of `key: value` lines'));
    return { keyLines, diagnostics };
  }

  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) keyLines[key] = lineCounter.linePos(offsetOf(pair.key as Node)).line + firstLine - 1;
    if (key === undefined || knownFrontmatterKeys.includes(key)) continue;
    const suggestion = nearest(key, knownFrontmatterKeys);
    diagnostics.push(
      at(offsetOf(pair.key as Node), 'warning', `unknown key \`${key}\` is ignored`, suggestion ? `did you mean \`${suggestion}\`?` : undefined),
    );
  }

  const result = frontmatterSchema.safeParse(raw);
  if (result.success) return { data: result.data, keyLines, diagnostics };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = nodeAt(doc, path);
    const where = path.length > 0 ? `\`${path.join('.')}\`: ` : '';
    diagnostics.push(at(offsetOf(node), 'error', `${where}${issue.message}`));
  }
  return { keyLines, diagnostics };
}

/** The node at a path, or the nearest ancestor that exists (for a missing key). */
function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
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
