import { describe, expect, it } from 'vitest';
import { resolveLook } from '../../../src/render/docx/look.js';
import { loadTheme } from '../../../src/render/index.js';

const SETTINGS = { spacing: 100, pageNumbers: false };

describe('the Word look for the settings', () => {
  it('names a Word font for each TeX family, as the settings choose it', async () => {
    const { docx, defaults } = await loadTheme('modern', '/');
    expect(resolveLook(docx, { ...SETTINGS, ...defaults }).font).toBe('Arial');
    expect(resolveLook(docx, { ...SETTINGS, ...defaults, font: 'times' }).font).toBe('Times New Roman');
  });

  it('turns the settings into Word units: paper, margins, text width, spaces scaled by `spacing:`', async () => {
    const { docx } = await loadTheme('classic', '/');
    const look = resolveLook(docx, {
      spacing: 50,
      pageNumbers: false,
      paper: 'a4',
      margin: '2cm',
      accent: '#0b6e79',
      fontSize: 11,
    });
    expect(look.page).toEqual({ width: 11906, height: 16838, margin: 1134 });
    expect(look.textWidth).toBe(11906 - 2 * 1134);
    expect(look.space(12)).toBe(120);
    expect(look.colours.accent).toBe('0B6E79');
    expect(look.size).toBe(11);
  });
});
