import type { fontFamilies } from '../model/schema.js';

export type FontFamily = (typeof fontFamilies)[number];

/**
 * The font families of the small TeX install: each a psnfss family (Type 1,
 * T1-encoded) for LaTeX, and the nearest fonts a browser may have for HTML.
 */
export const FONTS: Record<FontFamily, { nfss: string; css: string }> = {
  charter: { nfss: 'bch', css: 'Charter, "Bitstream Charter", "Charis SIL", Georgia, serif' },
  palatino: { nfss: 'ppl', css: '"Palatino Linotype", Palatino, "URW Palladio L", "P052", "Book Antiqua", serif' },
  times: { nfss: 'ptm', css: '"Times New Roman", Times, "Nimbus Roman", "Liberation Serif", serif' },
  helvetica: { nfss: 'phv', css: 'Helvetica, Arial, "Nimbus Sans", "Liberation Sans", sans-serif' },
  utopia: { nfss: 'put', css: 'Utopia, "Utopia Std", "Charis SIL", Georgia, serif' },
  bookman: { nfss: 'pbk', css: '"Bookman Old Style", Bookman, "URW Bookman", serif' },
  newcentury: { nfss: 'pnc', css: '"New Century Schoolbook", "Century Schoolbook", "C059", serif' },
};
