import { readFileSync } from 'node:fs';

/**
 * The words a resume's Markdown prints, in order, read straight from the
 * source (not through mdcv's parser): the frontmatter's name and contacts,
 * then the body less its Markdown markers and comments.
 */
export function sourceWords(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const value = (key: string): string => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(frontmatter)?.[1] ?? '';
  const header = ['name', 'headline', 'email', 'phone', 'location'].map(value).join(' ');
  const website = value('website').replace(/^https?:\/\//, '');
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^#+ /gm, '')
    .replace(/\*\*|\*|`/g, '');
  return words(`${header} ${website} ${text}`);
}

/** Words (letters and digits) in reading order: what must survive typesetting, whatever the punctuation and layout. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
