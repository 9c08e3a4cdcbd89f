import type { Block, ListItem, Resume, Role, Section } from './resume.js';

/**
 * The resume tailored to some tags: what is untagged, plus what carries one of
 * the chosen tags. A section or list left with nothing in it is dropped too.
 */
export function selectTags(resume: Resume, chosen: readonly string[]): Resume {
  const keep = (item: { tags?: string[] }): boolean => !item.tags || item.tags.some((tag) => chosen.includes(tag));
  const items = (list: ListItem[]): ListItem[] =>
    list.filter(keep).map((item) => ({ ...item, items: items(item.items) }));
  const blocks = (list: Block[]): Block[] =>
    list.flatMap((block): Block[] => {
      if (block.type !== 'list') return [block];
      const kept = items(block.items);
      return kept.length > 0 ? [{ ...block, items: kept }] : [];
    });
  const role = <T extends Role>(owner: T): T => ({ ...owner, blocks: blocks(owner.blocks) });
  const sections = resume.sections.flatMap((section): Section[] => {
    const entries = section.entries
      .filter(keep)
      .map((entry) => ({ ...role(entry), roles: entry.roles.filter(keep).map(role) }));
    const kept = { ...section, blocks: blocks(section.blocks), entries };
    const emptied = kept.blocks.length + entries.length === 0 && section.blocks.length + section.entries.length > 0;
    return emptied ? [] : [kept];
  });
  return { ...resume, summary: blocks(resume.summary), sections };
}

/** Every tag the resume uses, for telling a mistyped tag from an unused one. */
export function tagsIn(resume: Resume): Set<string> {
  const found = new Set<string>();
  const add = (item: { tags?: string[] }): void => item.tags?.forEach((tag) => found.add(tag));
  const fromBlocks = (list: Block[]): void =>
    list.forEach((block) => {
      if (block.type === 'list') block.items.forEach((item) => [item, ...item.items].forEach(add));
    });
  fromBlocks(resume.summary);
  for (const section of resume.sections) {
    fromBlocks(section.blocks);
    for (const entry of section.entries) {
      for (const owner of [entry, ...entry.roles]) {
        add(owner);
        fromBlocks(owner.blocks);
      }
    }
  }
  return found;
}
