import * as z from 'zod';
import { fontFamilies } from '../../model/schema.js';
import { ThemeError } from '../theme-error.js';

/**
 * The Word document's look as a theme writes it, in the `docx:` block of its
 * theme.yaml, over the block of the theme it extends: themes are data. Sizes
 * are times the body's font size; spaces are points at `spacing: 100`;
 * colours are `accent`, `muted`, `text` or six hex digits.
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
const docxLayerSchema = z
  .strictObject({
    ...lookFields,
    fonts: z.partialRecord(z.enum(fontFamilies), fontName),
    photo: lookFields.photo.partial(),
  })
  .partial();

/** The whole look, once every layer is merged: classic's block has every key. */
const docxLookSchema = z.strictObject(lookFields);

export type DocxLayer = z.output<typeof docxLayerSchema>;
export type DocxTheme = z.output<typeof docxLookSchema>;
export type Format = z.output<typeof formatSchema>;
export type Colour = z.output<typeof colour>;

/** A theme.yaml's `docx:` block, checked; a ThemeError naming the key and the file when it is wrong. */
export function readDocxLayer(value: unknown, file: string): DocxLayer {
  const layer = docxLayerSchema.safeParse(value ?? {});
  if (layer.success) return layer.data;
  throw docxError(layer.error, file);
}

/** The whole look of the layers, base first (the first sets every key); `file` is the theme's, for a mistake. */
export function mergeDocxLayers(layers: readonly (DocxLayer | undefined)[], file: string): DocxTheme {
  const look = docxLookSchema.safeParse(mergeLayers(layers));
  if (look.success) return look.data;
  throw docxError(look.error, file);
}

function docxError(error: z.ZodError, file: string): ThemeError {
  const issue = error.issues[0]!;
  return new ThemeError(`theme.yaml: \`docx.${issue.path.join('.')}\`: ${issue.message}`, file);
}

/** Layers merged, base first: a part named in a layer keeps the keys it does not set from below. */
function mergeLayers(layers: readonly (DocxLayer | undefined)[]): Record<string, unknown> {
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
