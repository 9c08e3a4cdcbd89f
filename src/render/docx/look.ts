import * as z from 'zod';
import { fontFamilies } from '../../model/schema.js';
import type { FontFamily } from '../fonts.js';

/**
 * The Word document's look, from the `docx:` block of a theme's theme.yaml:
 * themes are data. Sizes are times the body's font size; spaces are points
 * at `spacing: 100`; colours are `accent`, `muted`, `text` or six hex digits.
 */

const colour = z.union([
  z.enum(['accent', 'muted', 'text']),
  z.string().regex(/^[0-9A-Fa-f]{6}$/, 'must be accent, muted, text or six hex digits'),
]);
const points = z.number().min(0).max(72);
/** A font's name, as Word's font menu shows it: a theme is untrusted, and a control character would break the XML. */
const fontName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\u0000-\u001F\u007F-\u009F]+$/, 'must be a font name such as Cambria');

/** How one part of the resume (the name, a section title, a date) is set. */
const formatSchema = z.strictObject({
  size: z.number().positive().max(5).optional(),
  color: colour.optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  smallCaps: z.boolean().optional(),
  align: z.enum(['left', 'center']).optional(),
  before: points.optional(),
  after: points.optional(),
  /** Instead of `before`, right under the heading it belongs to (an entry under its section's title). */
  under: points.optional(),
  /** A line under the paragraph, across the text width: its weight in points, colour, and gap above it. */
  rule: z.strictObject({ weight: z.number().positive().max(6), color: colour, gap: points.optional() }).optional(),
});

/** A part no layer sets is set as the body is. */
const part = formatSchema.default({});
const parts = {
  name: part,
  headline: part,
  contacts: part,
  /** The line under the whole header (after the photo), if any. */
  header: part,
  section: part,
  entry: part,
  role: part,
  /** The right-hand part of a heading or subtitle: the dates. */
  aside: part,
  subtitle: part,
  fact: part,
  /** A fact's label (`Technologies:`). */
  label: part,
  paragraph: part,
  item: part,
  bullet: part,
};

const lookFields = {
  /** Word has none of TeX's fonts: each `font:` family as the nearest font Word users have. */
  fonts: z.record(z.enum(fontFamilies), fontName),
  mono: fontName,
  /** Line height, times the font size. */
  leading: z.number().min(1).max(2),
  photo: z.strictObject({ side: z.enum(['left', 'right']), width: z.number().positive().max(8).describe('cm') }),
  /** Between two contacts. */
  separator: z.string(),
  ...parts,
};

/** A theme's `docx:` block as written: any part of it, over the look of the theme it extends. */
export const docxLayerSchema = z
  .strictObject({
    ...lookFields,
    fonts: z.partialRecord(z.enum(fontFamilies), fontName),
    photo: lookFields.photo.partial(),
  })
  .partial();

/** The whole look, once every layer is merged: classic's block has every key. */
export const docxLookSchema = z.strictObject(lookFields);

export type DocxLayer = z.output<typeof docxLayerSchema>;
export type DocxTheme = z.output<typeof docxLookSchema>;
export type Format = z.output<typeof formatSchema>;
export type Colour = z.output<typeof colour>;

/** Layers merged, base first: a part named in a layer keeps the keys it does not set from below. */
export function mergeLayers(layers: readonly (DocxLayer | undefined)[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      const below = merged[key];
      const both = isRecord(value) && isRecord(below);
      merged[key] = both ? { ...below, ...value } : value;
    }
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings a look is resolved against: the theme's defaults under the frontmatter's. */
export interface LookSettings {
  font?: unknown;
  fontSize?: unknown;
  accent?: unknown;
  muted?: unknown;
  margin?: unknown;
  paper?: unknown;
  spacing: number;
  pageNumbers: boolean;
}

/** The look in Word's units: twips (1/20 pt) for lengths, points for sizes, hex for colours. */
export interface Look {
  theme: DocxTheme;
  font: string;
  mono: string;
  /** The body's size in points. */
  size: number;
  colours: { accent: string; muted: string; text: string };
  page: { width: number; height: number; margin: number };
  /** The width between the margins, where a right-aligned tab stop puts the dates. */
  textWidth: number;
  /** A space of the theme's, in twips, scaled by `spacing:`. */
  space: (points: number | undefined) => number;
  pageNumbers: boolean;
}

const PAPER = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } };
const TWIPS_PER = { in: 1440, cm: 1440 / 2.54, mm: 144 / 2.54, pt: 20 };

export function resolveLook(theme: DocxTheme, settings: LookSettings): Look {
  const page = PAPER[settings.paper === 'a4' ? 'a4' : 'letter'];
  const margin = twips(String(settings.margin ?? '0.6in'));
  const family = (settings.font as FontFamily | undefined) ?? 'charter';
  return {
    theme,
    font: theme.fonts[family] ?? theme.fonts.charter,
    mono: theme.mono,
    size: Number(settings.fontSize ?? 10),
    colours: { accent: hex(settings.accent, '000000'), muted: hex(settings.muted, '555555'), text: '000000' },
    page: { ...page, margin },
    textWidth: page.width - 2 * margin,
    space: (pt) => Math.round(((pt ?? 0) * 20 * settings.spacing) / 100),
    pageNumbers: settings.pageNumbers,
  };
}

/** A colour of the look as Word writes it. */
export function colourOf(look: Look, colour: Colour | undefined): string | undefined {
  if (colour === undefined) return undefined;
  return colour === 'accent' || colour === 'muted' || colour === 'text' ? look.colours[colour] : colour.toUpperCase();
}

/** `0.6in`, `1.5cm`, `15mm`, `40pt` (the frontmatter's `margin:`, validated there) in twips. */
function twips(length: string): number {
  const [amount = '0.6', unit = 'in'] = /^(\d+(?:\.\d+)?)(in|cm|mm|pt)$/.exec(length.trim())?.slice(1) ?? [];
  return Math.round(Number(amount) * TWIPS_PER[unit as keyof typeof TWIPS_PER]);
}

function hex(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^#?[0-9A-Fa-f]{6}$/.test(value)
    ? value.replace('#', '').toUpperCase()
    : fallback;
}
