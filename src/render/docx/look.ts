import type { FontFamily } from '../fonts.js';
import type { Colour, DocxTheme } from './theme-data.js';

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

/** The theme's Word look for these settings (`font:` picks the Word font, `margin:` and `paper:` the page). */
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
