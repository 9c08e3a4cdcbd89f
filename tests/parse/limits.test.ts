import { describe, expect, it } from 'vitest';
import { checkEmphasis } from '../../src/parse/limits.js';
import { ParseContext } from '../../src/parse/context.js';
import { parseResume } from '../../src/parse/index.js';

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const refusedAt = (source: string): number | undefined => {
  const ctx = new ParseContext('resume.md', source);
  return checkEmphasis(ctx) ? undefined : ctx.diagnostics[0]!.line;
};

describe('checkEmphasis', () => {
  it('builds a tight list of 600 bullets with bold leads: each item is a paragraph of its own', () => {
    const list = lines(600, (i) => `- **Lead ${i}:** shipped _feature_ ${i} on time`);
    const { resume, diagnostics } = parseResume(`---\nname: Ada\n---\n\n## Work\n\n${list}\n`, 'resume.md');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const items = resume!.sections[0]!.blocks[0]!;
    expect(items.type === 'list' && items.items.map((item) => item.text.plain)).toHaveLength(600);
  });

  it.each([
    ['numbered items', lines(600, (i) => `${i + 1}. **Lead ${i}:** did it`)],
    ['numbered items with a lazy line each', lines(600, (i) => `${i + 1}) **Lead ${i}:** did\nit *well*`)],
    ['nested bullets', lines(600, (i) => `${i % 2 ? '  ' : ''}* **Lead ${i}:** did it`)],
  ])('counts %s apart', (_, source) => {
    expect(refusedAt(source)).toBeUndefined();
  });

  it.each([
    ['one paragraph of 1001 marks', `Intro\n\n${lines(1001, () => 'a*')}`, 3],
    ['lines that look like later numbers (`2.` cannot start a list there)', `Text\n${lines(600, () => '2. **a**')}`, 1],
    ['numbers after an item that is not text (a fence)', `1. \`\`\`\nText\n${lines(600, () => '2. **a**')}`, 1],
    ['numbers after a thematic break', `1. a\n***\nText\n${lines(600, () => '2. **a**')}`, 1],
    ['a bullet list item too long on its own', `- a\n- ${'*a'.repeat(1001)}`, 2],
  ])('refuses %s', (_, source, line) => {
    expect(refusedAt(source)).toBe(line);
  });
});
