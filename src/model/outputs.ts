import path from 'node:path';

/** The files a build can write, by extension. */
export type OutputFormat = 'pdf' | 'html' | 'tex' | 'txt' | 'png' | 'json' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex', 'txt', 'png', 'json', 'docx'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex'];

/**
 * What a build's files are called: NAME.* for NAME.md, and NAME-TAG.* for a build
 * with --tag (a tag is letters, digits, `_` and `-`), so it never replaces the full resume.
 */
export function outputName(file: string, tags?: readonly string[]): string {
  return [path.basename(file, path.extname(file)), ...(tags ?? [])].join('-');
}
