import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseEngine, isCjk, pdflatexCanSet } from '../../src/model/scripts.js';
import { parseResume } from '../../src/parse/index.js';
// @ts-expect-error: a plain ES module script, without types
import { pdflatexCharacterSource } from '../../scripts/pdflatex-characters.mjs';

function resume(frontmatter: string, body = '## Experience\n\n### Job | 2020 - 2024\n\n- Did things.\n') {
  const parsed = parseResume(`---\nname: Ann Lee\n${frontmatter}---\n\n${body}`, 'cv.md');
  if (!parsed.resume) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
  return parsed.resume;
}

describe('chooseEngine', () => {
  it('keeps the seed, and any text T1 and TS1 can set, on pdflatex', () => {
    const seed = parseResume(readFileSync('resume.md', 'utf8'), 'resume.md').resume!;
    expect(chooseEngine(seed).choice).toEqual({ engine: 'pdflatex', because: undefined, cjk: undefined, scripts: [] });
    const latin = resume('location: Kraków, Łódź\n', 'Café, naïve, Straße, œuvre, “quotes” – 5 € · 10 % ± 2 ° → ©\n');
    expect(chooseEngine(latin).choice.engine).toBe('pdflatex');
  });

  it('switches to xelatex for Cyrillic and Greek, naming the first character and its line', () => {
    const { choice, diagnostics } = chooseEngine(resume('', '## Опыт\n\nΕλένη\n'));
    expect(choice).toMatchObject({
      engine: 'xelatex',
      because: { char: 'О', script: 'Cyrillic', line: 5 },
      scripts: ['Cyrillic', 'Greek'],
    });
    expect(choice.cjk).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('picks the regional CJK forms from the locale, else from kana and Hangul', () => {
    const cjkOf = (front: string, text: string) => chooseEngine(resume(front, `${text}\n`)).choice.cjk;
    expect(cjkOf('', '李小龙')).toBe('Chinese Simplified');
    expect(cjkOf('', '李小龙 ひらがな')).toBe('Japanese');
    expect(cjkOf('', '김민준')).toBe('Korean');
    expect(cjkOf('locale: zh-TW\n', '李小龍')).toBe('Chinese Traditional');
    expect(cjkOf('locale: ja\n', '李')).toBe('Japanese');
  });

  it('counts the words of the locale as printed text', () => {
    expect(chooseEngine(resume('locale: ru\n')).choice).toMatchObject({ engine: 'xelatex', scripts: ['Cyrillic'] });
    expect(chooseEngine(resume('locale: de\n')).choice.engine).toBe('pdflatex');
  });

  it('follows `engine:` over the text, and errs at that line when pdflatex cannot set the text', () => {
    expect(chooseEngine(resume('engine: xelatex\n')).choice.engine).toBe('xelatex');
    const { diagnostics } = chooseEngine(resume('engine: pdflatex\n', 'Иван\n\nLaunch 🚀 ★ and Ив 🚀\n\nΑθήνα ✓\n'));
    // All in one build: each script where it starts, each symbol once.
    expect(diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['error', 3, 'pdflatex cannot set Cyrillic text (`И` on line 6)'],
      ['error', 3, 'pdflatex cannot set symbols text (`🚀` on line 8)'],
      ['error', 3, 'pdflatex cannot set symbols text (`★` on line 8)'],
      ['error', 3, 'pdflatex cannot set Greek text (`Α` on line 10)'],
      ['error', 3, 'pdflatex cannot set symbols text (`✓` on line 10)'],
    ]);
  });

  it('rejects an unknown engine in the frontmatter', () => {
    const parsed = parseResume('---\nname: Ann\nengine: lualatex\n---\n', 'cv.md');
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3 })]);
  });
});

describe('the character tables', () => {
  it('match what TeX Live declares for T1, TS1 and utf8 (regenerate with scripts/pdflatex-characters.mjs)', () => {
    expect(readFileSync('src/model/pdflatex-characters.ts', 'utf8')).toBe(pdflatexCharacterSource());
  });

  it('tell pdflatex text, CJK text and the rest apart', () => {
    expect(['A', 'é', 'Ł', '€', '–', '’', '\u00ad'].every(pdflatexCanSet)).toBe(true);
    expect(['И', 'Ω', '李', 'あ', '한', '😀'].some(pdflatexCanSet)).toBe(false);
    expect(['李', 'あ', 'ア', '한', '。', '「', 'Ａ', '𠀋'].every(isCjk)).toBe(true);
    expect(['A', 'И', 'Ω', '“'].some(isCjk)).toBe(false);
  });
});
