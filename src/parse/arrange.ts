import type { Section, Settings } from '../model/resume.js';
import type { ParseContext } from './context.js';
import { nearest } from './suggest.js';

/**
 * Applies the `order:` and `hide:` settings: listed sections first, in the
 * listed order, then the rest in document order, less the hidden ones.
 * Titles match case-insensitively; a title that names no section is a warning.
 */
export function arrangeSections(
  sections: Section[],
  settings: Pick<Settings, 'order' | 'hide'>,
  keyLines: Record<string, number>,
  ctx: ParseContext,
): Section[] {
  const titles = sections.map((s) => s.title.plain);
  const find = (title: string, key: 'order' | 'hide'): Section | undefined => {
    const found = sections.find((s) => s.title.plain.toLowerCase() === title.toLowerCase());
    if (!found) {
      const suggestion = nearest(title, titles);
      ctx.warn(
        { line: keyLines[key] ?? 1, column: 1 },
        `\`${key}\`: no section titled \`${title}\``,
        suggestion ? `did you mean \`${suggestion}\`?` : undefined,
      );
    }
    return found;
  };
  const hidden = new Set((settings.hide ?? []).map((title) => find(title, 'hide')));
  const first = (settings.order ?? [])
    .map((title) => find(title, 'order'))
    .filter((s): s is Section => s !== undefined);
  return [...new Set([...first, ...sections])].filter((s) => !hidden.has(s));
}
