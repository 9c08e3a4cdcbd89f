import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/build.js';
import { launchBrowser } from '../support/browser.js';
import { pdfText } from '../support/pdf.js';

describe('escaping, proven by pdflatex and a browser', () => {
  const specials =
    '# $ % & ~ _ ^ \\ { } < > | " -- --- << >> ,, !` ?` \\textbf{x} \\input{/etc/hostname} ^^41 $5M 100% R&D snake_case ~/bin x^2 it\'s';
  const typographic = '“double” ‘single’ – — … € © ® ™ ° ± × é ü ß ñ ø å œ æ Ł ž';

  test('every special and typographic character comes out of the PDF as written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mdcv-escape-'));
    const file = path.join(dir, 'specials.md');
    // Markdown escapes every ASCII punctuation mark with a backslash, so the source means exactly these characters.
    const md = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
    writeFileSync(
      file,
      [
        '---',
        `name: "N ${specials.replace(/["\\]/g, '\\$&')}"`,
        '---',
        '',
        `## Section ${md(specials)}`,
        '',
        `### Entry ${md(specials)} | 2020`,
        `Tools: ${md(typographic)}`,
        `Org ${md(typographic)} | 2021`,
        '',
        `- ${md(specials)}`,
        `- ${md(typographic)}`,
        `- \`\` ${specials} \`\``,
        '',
      ].join('\n'),
    );
    const result = await build({ file, outDir: dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const text = pdfText(result.outputs.pdf!).replace(/\s+/g, ' ');
    // The name, the section title, the entry title, the bullets (plain and code): each shows the specials literally.
    expect(text.split(specials.replace(/\s+/g, ' ')).length - 1).toBe(5);
    expect(text.split(typographic).length - 1).toBe(3);

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`file://${result.outputs.html}`);
      const shown = (await page.innerText('body')).replace(/\s+/g, ' ');
      expect(shown.split(specials.replace(/\s+/g, ' ')).length - 1).toBe(5);
      expect(shown.split(typographic).length - 1).toBe(3);
      // Nothing in the text became markup: the only elements are the template's own.
      const tags = await page.$$eval('body *', (els) => [...new Set(els.map((el) => el.tagName.toLowerCase()))].sort());
      expect(tags).toEqual([
        'article',
        'code',
        'div',
        'h1',
        'h2',
        'h3',
        'header',
        'li',
        'main',
        'p',
        'section',
        'span',
        'time',
        'ul',
      ]);
    } finally {
      await browser.close();
    }
  });
});
