import { HeadingLevel, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { DetailLine, Resume, RichText, Role, Section } from '../../model/resume.js';
import { blockElements, ListCounter } from './blocks.js';
import { inlineRuns, textRun } from './inline.js';
import type { Look } from './look.js';
import { runFormat } from './styles.js';

/**
 * The resume's body in Word: its summary, then each section (Heading 1), its
 * entries (Heading 2) and their roles (Heading 3), the dates of each on a
 * right-aligned tab stop, in the order the PDF reads.
 */
export function resumeBody(resume: Resume, look: Look): FileChild[] {
  const lists = new ListCounter();
  return [
    ...blockElements(resume.summary, look, lists),
    ...resume.sections.flatMap((section) => sectionElements(section, look, lists)),
  ];
}

function sectionElements(section: Section, look: Look, lists: ListCounter): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: inlineRuns(section.title.children, {}, look.mono) }),
    ...blockElements(section.blocks, look, lists),
    ...section.entries.flatMap((entry, i) => [
      ...roleElements(entry, 'entry', i === 0 && section.blocks.length === 0, look, lists),
      ...entry.roles.flatMap((role, j) => roleElements(role, 'role', j === 0 && isBare(entry), look, lists)),
    ]),
  ];
}

const HEADINGS = { entry: HeadingLevel.HEADING_2, role: HeadingLevel.HEADING_3 };

/** An entry or role: its heading (right `under` the one above, that space before it), details and blocks. */
function roleElements(
  role: Role,
  level: 'entry' | 'role',
  under: boolean,
  look: Look,
  lists: ListCounter,
): FileChild[] {
  const before = look.theme[level].under;
  return [
    new Paragraph({
      heading: HEADINGS[level],
      children: withAside(role.title, role.aside, look),
      ...(under && before !== undefined && { spacing: { before: look.space(before) } }),
    }),
    ...role.details.map((line) => detailParagraph(line, look)),
    ...blockElements(role.blocks, look, lists),
  ];
}

/** A heading with nothing under it before its roles. */
function isBare(role: Role): boolean {
  return role.details.length === 0 && role.blocks.length === 0;
}

function detailParagraph(line: DetailLine, look: Look): Paragraph {
  if (line.type === 'subtitle')
    return new Paragraph({ style: 'EntrySubtitle', children: withAside(line.text, line.aside, look) });
  const label = runFormat(look, look.theme.label);
  const children = [textRun(`${line.label}:`, label), textRun(' '), ...inlineRuns(line.value.children, {}, look.mono)];
  return new Paragraph({ style: 'Detail', children });
}

/** A title, and its right-hand part (the dates) after a tab: the style's tab stop puts it flush right. */
function withAside(title: RichText, aside: RichText | undefined, look: Look): ParagraphChild[] {
  const left = inlineRuns(title.children, {}, look.mono);
  if (!aside) return left;
  return [
    ...left,
    new TextRun({ children: [new Tab()] }),
    ...inlineRuns(aside.children, runFormat(look, look.theme.aside), look.mono),
  ];
}
