import {
  BorderStyle,
  ExternalHyperlink,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Paragraph,
  TextWrappingSide,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  type ParagraphChild,
} from 'docx';
import type { Person } from '../../model/resume.js';
import { contactsOf } from '../view.js';
import { textRun, wordText } from './inline.js';
import { colourOf, type Look } from './look.js';
import type { Format } from './theme-data.js';
import { lineHeight, runFormat } from './styles.js';

/** A photo for the Word document: its bytes and pixel size. */
export interface DocxPhoto {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/**
 * The person's header, as a resume and a letter open: the name (Title), the
 * headline (Subtitle) and the contacts, each a live link where it has one;
 * the photo floats beside them at the top of the page, on the theme's side,
 * and the header makes room around it, so what follows starts below it.
 */
export function headerParagraphs(person: Person, look: Look, photo?: DocxPhoto): Paragraph[] {
  const { theme } = look;
  const lines: { style: string; format: Format; children: ParagraphChild[] }[] = [
    { style: 'Title', format: theme.name, children: [textRun(person.name)] },
  ];
  if (person.headline) lines.push({ style: 'Subtitle', format: theme.headline, children: [textRun(person.headline)] });
  const contacts = contactRuns(person, look);
  if (contacts.length > 0) lines.push({ style: 'Contacts', format: theme.contacts, children: contacts });

  const image = photo && photoRun(photo, look, wordText(`Photo of ${person.name}`));
  // Room under the text for the rest of the photo: the header's lines are `leading` apart, their spaces the theme's.
  const textHeight = lines.reduce(
    (sum, line, i) => sum + (i > 0 ? look.space(line.format.before) : 0) + lineHeight(look, line.format.size ?? 1).line,
    0,
  );
  // The text sits centred beside the photo, as in the PDF: half the room above it, half below.
  const room = image ? Math.max(0, image.height - textHeight) : 0;
  const above = Math.round(room / 2);
  const rule = theme.header.rule;
  const paragraphs = lines.map((line, i) => {
    const spacing = {
      ...(i === 0 && above > 0 && { before: above }),
      ...(i === lines.length - 1 && !rule && { after: room - above + look.space(theme.header.after) }),
    };
    const children = [...(i === 0 && image ? [image.run] : []), ...line.children];
    return new Paragraph({ style: line.style, children, ...(Object.keys(spacing).length > 0 && { spacing }) });
  });
  // The line under the whole header is a paragraph of its own, below the photo: one under the text would stop at it.
  if (rule) {
    const color = colourOf(look, rule.color)!;
    const border = { bottom: { style: BorderStyle.SINGLE, size: Math.round(rule.weight * 8), color, space: 0 } };
    const spacing = {
      before: room - above + look.space(rule.gap),
      after: look.space(theme.header.after),
      line: 20,
      lineRule: LineRuleType.EXACT,
    };
    paragraphs.push(new Paragraph({ spacing, border }));
  }
  return paragraphs;
}

/** The contacts, as the PDF's header writes them, between the theme's separators. */
function contactRuns(person: Person, look: Look): ParagraphChild[] {
  const format = runFormat(look, look.theme.contacts);
  return contactsOf(person).flatMap((contact, i) => {
    const separator = i > 0 ? [textRun(` ${look.theme.separator} `, format)] : [];
    const text = contact.href
      ? new ExternalHyperlink({
          link: contact.href,
          children: [textRun(contact.text, { ...format, style: 'Hyperlink' })],
        })
      : textRun(contact.text, format);
    return [...separator, text];
  });
}

/** Twips per pixel at Word's 96 to the inch; EMUs per twip. */
const TWIPS_PER_PIXEL = 15;
const EMU_PER_TWIP = 635;

/** The photo in the theme's width (at most 1.25 times as tall), floating at the margin on its side. */
function photoRun(photo: DocxPhoto, look: Look, alt: string): { run: ImageRun; height: number } {
  const width = Math.round((look.theme.photo.width / 2.54) * 1440);
  const height = Math.round(Math.min(1.25 * width, (width * photo.height) / photo.width));
  const scaled =
    height < (width * photo.height) / photo.width ? Math.round((height * photo.width) / photo.height) : width;
  const gap = Math.round(1.4 * look.size * 20) * EMU_PER_TWIP;
  const left = look.theme.photo.side === 'left';
  const run = new ImageRun({
    type: photo.type,
    data: photo.bytes,
    transformation: { width: scaled / TWIPS_PER_PIXEL, height: height / TWIPS_PER_PIXEL },
    altText: { name: 'Photo', description: alt, title: alt },
    floating: {
      horizontalPosition: {
        relative: HorizontalPositionRelativeFrom.MARGIN,
        align: left ? HorizontalPositionAlign.LEFT : HorizontalPositionAlign.RIGHT,
      },
      // The header opens the page: the photo's top is the margin's, whatever space the text takes above it.
      verticalPosition: { relative: VerticalPositionRelativeFrom.MARGIN, offset: 0 },
      wrap: { type: TextWrappingType.SQUARE, side: left ? TextWrappingSide.RIGHT : TextWrappingSide.LEFT },
      margins: left ? { right: gap } : { left: gap },
      allowOverlap: false,
    },
  });
  return { run, height };
}
