import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  TabStopType,
  type INumberingOptions,
  type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { colourOf, type Look } from './look.js';
import type { Format } from './theme-data.js';

/**
 * The document's Word styles, from the look: Title for the name, Heading 1
 * for sections, Heading 2 for entries, Heading 3 for roles (so the navigation
 * pane and a parser see the outline), and named styles for the rest, so a
 * person who edits the file changes a style, not each paragraph.
 */
export function wordStyles(look: Look): IStylesOptions {
  const { theme } = look;
  const tabbed = { tabStops: [{ type: TabStopType.RIGHT, position: look.textWidth }] };
  const heading = { keepNext: true, keepLines: true };
  const style = (id: string, name: string, format: Format, extra: IParagraphStylePropertiesOptions = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: runFormat(look, format),
    paragraph: { ...paragraphFormat(look, format), ...extra },
  });
  const base = (format: Format, extra: IParagraphStylePropertiesOptions = {}) => ({
    run: runFormat(look, format),
    paragraph: { ...paragraphFormat(look, format), ...extra },
  });
  return {
    default: {
      document: {
        run: { font: look.font, size: halfPoints(look.size), color: look.colours.text },
        paragraph: { spacing: { before: 0, after: 0, ...lineHeight(look, 1) } },
      },
      title: { ...base(theme.name, { keepNext: true }), next: 'Subtitle' },
      // The outline level said outright, so the outline holds even where the style's name is not Word's own.
      heading1: base(theme.section, { ...heading, outlineLevel: 0 }),
      heading2: base(theme.entry, { ...heading, ...tabbed, outlineLevel: 1 }),
      heading3: base(theme.role, { ...heading, ...tabbed, outlineLevel: 2 }),
      // A link is set in the accent colour, not Word's blue underline: it belongs to the design.
      hyperlink: { run: { color: look.colours.accent } },
    },
    paragraphStyles: [
      style('Subtitle', 'Subtitle', theme.headline, { keepNext: true }),
      style('Contacts', 'Contacts', theme.contacts, { keepNext: true }),
      style('EntrySubtitle', 'Entry Subtitle', theme.subtitle, { keepNext: true, ...tabbed }),
      style('Detail', 'Detail', theme.fact, { keepNext: true }),
      style('BodyText', 'Body Text', theme.paragraph),
      // A letter's paragraphs are set apart by most of a blank line, as letters are (and its PDF is).
      style('LetterText', 'Letter Text', { ...theme.paragraph, before: 0.7 * theme.leading * look.size }),
      style('ListBullet', 'List Bullet', theme.item),
      style('ListNumber', 'List Number', theme.item),
    ],
  };
}

/** Bullets (`•`, then `–` for a list inside an item) and numbers, indented as the PDF's lists are. */
export function wordNumbering(look: Look): INumberingOptions {
  const em = look.size * 20;
  const bullet = runFormat(look, { ...look.theme.bullet, bold: false, italic: false });
  const level = (index: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: index,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: {
      run: bullet,
      paragraph: { indent: { left: Math.round((index + 1) * 1.3 * em), hanging: Math.round(0.8 * em) } },
    },
  });
  return {
    config: [
      {
        reference: 'bullets',
        levels: [level(0, LevelFormat.BULLET, '\u2022'), level(1, LevelFormat.BULLET, '\u2013')],
      },
      { reference: 'numbers', levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.BULLET, '\u2013')] },
    ],
  };
}

/** A part's look as run properties: its size times the body's, colour, weight, slant. */
export function runFormat(look: Look, format: Format): IRunStylePropertiesOptions {
  return {
    ...(format.size !== undefined && { size: halfPoints(format.size * look.size) }),
    ...(format.color !== undefined && { color: colourOf(look, format.color) }),
    ...(format.bold !== undefined && { bold: format.bold }),
    ...(format.italic !== undefined && { italics: format.italic }),
    ...(format.smallCaps !== undefined && { smallCaps: format.smallCaps }),
  };
}

function paragraphFormat(look: Look, format: Format): IParagraphStylePropertiesOptions {
  const rule = format.rule;
  return {
    spacing: {
      before: look.space(format.before),
      after: look.space(format.after),
      ...lineHeight(look, format.size ?? 1),
    },
    ...(format.align === 'center' && { alignment: AlignmentType.CENTER }),
    ...(rule && {
      // Word's border weights are eighths of a point, its gap whole points.
      border: {
        bottom: {
          style: BorderStyle.SINGLE,
          size: Math.max(2, Math.round(rule.weight * 8)),
          color: colourOf(look, rule.color)!,
          space: Math.round(rule.gap ?? 1),
        },
      },
    }),
  };
}

/** At least the theme's leading: a line with a larger glyph grows rather than clips. */
export function lineHeight(look: Look, size: number): { line: number; lineRule: typeof LineRuleType.AT_LEAST } {
  return { line: Math.round(look.theme.leading * size * look.size * 20), lineRule: LineRuleType.AT_LEAST };
}

function halfPoints(points: number): number {
  return Math.round(points * 2);
}
