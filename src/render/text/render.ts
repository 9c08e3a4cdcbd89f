import type { Block, DetailLine, Person, Resume, RichText, Role } from '../../model/resume.js';
import { displayWidth } from '../../model/scripts.js';
import { contactsOf } from '../view.js';
import { inlineToText, withTarget } from './inline.js';
import { tableText } from './table.js';

/**
 * The resume as clean plain text, for the forms of job sites: one line per
 * heading, detail, paragraph or bullet (forms rewrap text themselves), a
 * blank line between parts, and no markup.
 */
export function renderText(resume: Resume): string {
  const parts = [headText(resume.person), ...blocks(resume.summary, '')];
  for (const section of resume.sections) {
    const title = text(section.title);
    parts.push(`${title}\n${'='.repeat(displayWidth(title))}`, ...blocks(section.blocks, ''));
    for (const entry of section.entries) {
      parts.push(role(entry, ''));
      for (const each of entry.roles) parts.push(role(each, '  '));
    }
  }
  return textOf(parts);
}

/** The parts of a text, a blank line between them, without control characters. */
export function textOf(parts: readonly string[]): string {
  return `${parts
    .filter((part) => part !== '')
    .join('\n\n')
    .replace(CONTROLS, '')}\n`;
}

/** The name, the headline and the contacts, a line each. */
export function headText(person: Person): string {
  // A labelled link (`{label: GitHub, url: ...}`) keeps its address, as links in the text do.
  const contacts = contactsOf(person).map((c) => (c.kind === 'link' && c.href ? withTarget(c.text, c.href) : c.text));
  return [person.name, person.headline, contacts.join(' | ')].filter(Boolean).join('\n');
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

export function blocks(list: readonly Block[], indent: string): string[] {
  return list.map((block) => {
    if (block.type === 'paragraph') return indent + text(block.text);
    if (block.type === 'table') return tableText(block, indent);
    return block.items
      .flatMap((item, i) => {
        const marker = block.ordered ? `${i + 1}.` : '-';
        return [
          `${indent}${marker} ${text(item.text)}`,
          ...item.items.map((sub) => `${indent}    - ${text(sub.text)}`),
        ];
      })
      .join('\n');
  });
}

function text(rich: RichText): string {
  return inlineToText(rich.children).trim();
}
