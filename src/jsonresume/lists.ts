/**
 * Values that share one line of text, both ways: comma lists (`Keywords: a, b`)
 * and list lines (`- **Web Development** (Master): HTML, CSS`). A value that
 * would not read back as itself (a comma outside brackets, a leading quote) is
 * written in double quotes, CSV-style (`"Bash, zsh"`, quotes doubled), so the
 * common case reads as people write it and every value still comes back.
 */

/** `a, b (c, d), "e, f"` → `['a', 'b (c, d)', 'e, f']`: a comma inside brackets belongs to its value. */
export function splitList(text: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    const quoted = readQuoted(text, i);
    if (quoted && (quoted.next >= text.length || text[quoted.next] === ',')) {
      values.push(quoted.value);
      i = quoted.next + 1;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
    }
    values.push(text.slice(i, j).trim());
    i = j + 1;
  }
  return values.filter((v) => v !== '');
}

/** The values as one line that `splitList` reads back. */
export function joinList(values: readonly string[]): string {
  // A leading quote is always quoted (as in CSV): unquoted, a later value's quote could close it.
  return values.map((v) => (!v.startsWith('"') && sameList(splitList(`${v}, x`), [v, 'x']) ? v : quote(v))).join(', ');
}

/** The parts of a list line after its bold name: ` (level)` and `: values`. */
export interface ListLine {
  name: string;
  level?: string;
  values?: string;
}

/** The parts as a list line writes them (`**name** (level): values`): each quoted when it would not read back. */
export function encodeListLine(line: ListLine): ListLine {
  const name = line.name !== '' && decodeName(line.name) === line.name ? line.name : quote(line.name);
  // A level with a leading quote is quoted: unquoted, a quote in the values could close it.
  const plainLevel =
    !line.level || (!line.level.startsWith('"') && decodeLevel(` (${line.level})`)?.level === line.level);
  const level = plainLevel ? line.level : quote(line.level!);
  return { name, level: level || undefined, values: line.values || undefined };
}

/** A list line's bold name (`**Languages:**` is written too: the colon is not part of it). */
export function decodeName(name: string): string {
  const quoted = readQuoted(name, 0);
  return quoted && quoted.next >= name.length ? quoted.value : name.replace(/:$/, '').trim();
}

/** The text after the name: ` (level): values`, each part optional. */
export function decodeRest(rest: string, withLevel: boolean): { level?: string; values: string } {
  const level = withLevel ? decodeLevel(rest) : undefined;
  const after = level ? rest.slice(level.end) : rest;
  return { level: level?.level, values: after.replace(/^\s*:?\s*/, '').trim() };
}

function decodeLevel(rest: string): { level: string; end: number } | undefined {
  const open = /^\s*\(/.exec(rest);
  if (!open) return undefined;
  const start = open[0].length;
  const quoted = readQuoted(rest, start);
  if (quoted && rest[quoted.next] === ')') return { level: quoted.value, end: quoted.next + 1 };
  const close = rest.indexOf(')', start);
  return close < 0 ? undefined : { level: rest.slice(start, close).trim(), end: close + 1 };
}

/** A `"…"` value starting at `from` (after spaces): its text, and where the text goes on after it (spaces skipped). */
function readQuoted(text: string, from: number): { value: string; next: number } | undefined {
  let i = from;
  while (text[i] === ' ') i++;
  if (text[i] !== '"') return undefined;
  let value = '';
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] !== '"') value += text[j];
    else if (text[j + 1] === '"') value += text[j++];
    else {
      let next = j + 1;
      while (text[next] === ' ') next++;
      return { value, next };
    }
  }
  return undefined;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
