import type { Block, DetailLine, Resume, RichText, Role } from '../../model/resume.js';
import { contactsOf } from '../view.js';
import { inlineToText } from './inline.js';

/**
 * The resume as clean plain text, for the forms of job sites: one line per
 * heading, detail, paragraph or bullet (forms rewrap text themselves), a
 * blank line between parts, and no markup.
 */
export function renderText(resume: Resume): string {
  const { person } = resume;
  const head = [person.name, person.headline, contactsOf(person).map((c) => c.text).join(' | ')].filter(Boolean);
  const parts = [head.join('\n'), ...blocks(resume.summary, '')];
  for (const section of resume.sections) {
    const title = text(section.title);
    parts.push(`${title}\n${'='.repeat(title.length)}`, ...blocks(section.blocks, ''));
    for (const entry of section.entries) {
      parts.push(role(entry, ''));
      for (const each of entry.roles) parts.push(role(each, '  '));
    }
  }
  return `${parts.filter((part) => part !== '').join('\n\n').replace(CONTROLS, '')}\n`;
}

/**
 * Dropped from the text, the one place it is written: control characters
 * (a terminal acts on ESC and CSI when the file is shown: `cat resume.txt`)
 * but the newlines of its own layout, and the bidi overrides and isolates that
 * make text read in another order than it is. The PDF and HTML drop them too.
 */
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function role(owner: Role, indent: string): string {
  const lines = [indent + withAside(owner.title, owner.aside), ...owner.details.map((line) => indent + detail(line))];
  return [lines.join('\n'), ...blocks(owner.blocks, indent)].join('\n');
}

function detail(line: DetailLine): string {
  return line.type === 'fact' ? `${line.label}: ${text(line.value)}` : withAside(line.text, line.aside);
}

function withAside(title: RichText, aside: RichText | undefined): string {
  return aside ? `${text(title)} | ${text(aside)}` : text(title);
}

function blocks(list: readonly Block[], indent: string): string[] {
  return list.map((block) => {
    if (block.type === 'paragraph') return indent + text(block.text);
    return block.items
      .flatMap((item, i) => {
        const marker = block.ordered ? `${i + 1}.` : '-';
        return [`${indent}${marker} ${text(item.text)}`, ...item.items.map((sub) => `${indent}    - ${text(sub.text)}`)];
      })
      .join('\n');
  });
}

function text(rich: RichText): string {
  return inlineToText(rich.children).trim();
}
