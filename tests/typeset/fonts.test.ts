import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { fontFamilies } from '../../src/model/schema.js';
import { tempDir } from '../support/cli.js';
import { pdfFonts, pdfText } from '../support/pdf.js';

// The built-in themes typeset Charter, Helvetica and Times (tests/typeset/themes.test.ts); these are the others.
const others = fontFamilies.filter((font) => !['charter', 'helvetica', 'times'].includes(font));
/** How each family's Type 1 fonts are named in the PDF (URW's clones carry their own names). */
const EMBEDDED: Record<string, RegExp> = {
  palatino: /Palladio|Palatino/,
  utopia: /Utopia/,
  bookman: /Bookman/,
  newcentury: /CenturySchL|Century/,
};

describe.each(others)('font: %s', (font) => {
  it('typesets in embedded Type 1 fonts only, text intact', async () => {
    const dir = tempDir(`font-${font}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'resume.md');
    writeFileSync(
      file,
      `---\nname: Ada Lovelace\nfont: ${font}\n---\n\n## Work\n\n### Engine | 1842 - 1843\nTechnologies: C#, R&D\n\n- *Notes* on the **Analytical Engine**, 100% \`code\`.\n`,
    );
    const result = await build({ file, outDir: path.join(dir, 'out'), cache: false });
    expect(result.diagnostics).toEqual([]);
    const fonts = pdfFonts(result.outputs.pdf!);
    for (const f of fonts) expect(f, f.name).toMatchObject({ type: 'Type 1', embedded: true });
    expect(
      fonts.filter((f) => EMBEDDED[font]!.test(f.name)).length,
      fonts.map((f) => f.name).join(', '),
    ).toBeGreaterThan(0);
    expect(pdfText(result.outputs.pdf!)).toContain('Notes on the Analytical Engine, 100% code.');
  });
});
