import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Text compared the way a reader (or a parser) sees it: dashes unified,
 * bullets and a lone ` - ` separator dropped, white space folded.
 */
export function normalize(text: string): string {
  return text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2022/g, ' ')
    .replace(/\s-\s/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The seed's lines (text extracted from the person's current PDF), without the photo and page-header marks. */
export function seedLines(): string[] {
  const seed = readFileSync(path.join(import.meta.dirname, '../fixtures/seed.txt'), 'utf8');
  return seed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'Profile picture' && !line.endsWith('(Cont.)'));
}

/**
 * The first line of `lines` that is not found in `text` after the previous one, or undefined when all are, in order.
 */
export function firstMissingInOrder(lines: readonly string[], text: string): string | undefined {
  const haystack = normalize(text);
  let from = 0;
  for (const line of lines) {
    const at = haystack.indexOf(normalize(line), from);
    if (at < 0) return line;
    from = at + normalize(line).length;
  }
  return undefined;
}
