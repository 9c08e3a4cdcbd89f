import type { fontFamilies } from '../model/schema.js';

export type FontFamily = (typeof fontFamilies)[number];

/** OpenType fonts (Debian: fonts-noto-core, -mono, -cjk) that XeLaTeX uses for text beyond what pdflatex sets. */
export interface OpenTypeFonts {
  /** Latin, Greek and Cyrillic. */
  main: string;
  mono: string;
  /** Chinese, Japanese and Korean, and monospaced text when there is CJK text. */
  cjk: string;
  cjkMono: string;
}

const SERIF: OpenTypeFonts = {
  main: 'Noto Serif',
  mono: 'Noto Sans Mono',
  cjk: 'Noto Serif CJK SC',
  cjkMono: 'Noto Sans Mono CJK SC',
};
const SANS: OpenTypeFonts = {
  main: 'Noto Sans',
  mono: 'Noto Sans Mono',
  cjk: 'Noto Sans CJK SC',
  cjkMono: 'Noto Sans Mono CJK SC',
};

/**
 * The font families of the small TeX install: each a psnfss family (Type 1,
 * T1-encoded) for LaTeX, the nearest fonts a browser may have for HTML, and the
 * OpenType fonts of the same style for XeLaTeX.
 */
export const FONTS: Record<FontFamily, { nfss: string; css: string; opentype: OpenTypeFonts }> = {
  charter: { nfss: 'bch', css: 'Charter, "Bitstream Charter", "Charis SIL", Georgia, serif', opentype: SERIF },
  palatino: {
    nfss: 'ppl',
    css: '"Palatino Linotype", Palatino, "URW Palladio L", "P052", "Book Antiqua", serif',
    opentype: SERIF,
  },
  times: { nfss: 'ptm', css: '"Times New Roman", Times, "Nimbus Roman", "Liberation Serif", serif', opentype: SERIF },
  helvetica: { nfss: 'phv', css: 'Helvetica, Arial, "Nimbus Sans", "Liberation Sans", sans-serif', opentype: SANS },
  utopia: { nfss: 'put', css: 'Utopia, "Utopia Std", "Charis SIL", Georgia, serif', opentype: SERIF },
  bookman: { nfss: 'pbk', css: '"Bookman Old Style", Bookman, "URW Bookman", serif', opentype: SERIF },
  newcentury: { nfss: 'pnc', css: '"New Century Schoolbook", "Century Schoolbook", "C059", serif', opentype: SERIF },
};
