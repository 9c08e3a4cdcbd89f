import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResume } from '../../src/parse/index.js';
import { isSafeUrl } from '../../src/parse/inline.js';
import { loadTheme, renderHtml, renderLatex } from '../../src/render/index.js';

describe('link targets', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b#c',
    'HTTPS://EXAMPLE.COM',
    'mailto:ada@example.com',
    'tel:+15551234',
  ])('keeps %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'blob:https://example.com/x',
    'ftp://example.com',
    '//evil.example.com',
    'relative/page.html',
    '#fragment',
    '',
  ])('drops %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('reach neither output unless http, https, mailto or tel, and raw HTML and LaTeX reach neither', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/bad-input/unsafe-links/input.md');
    const parsed = parseResume(readFileSync(file, 'utf8'), file);
    const theme = await loadTheme('classic', '.');
    const html = renderHtml(parsed.resume!, theme);
    const tex = renderLatex(parsed.resume!, theme);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.sort()).toEqual([
      'https://example.com',
      'https://github.com/ada',
      'mailto:ada@example.com',
      'tel:+15551234',
    ]);
    expect(html).not.toMatch(/javascript|vbscript|data:text|file:|<script/i);
    // The texts of dropped links are kept; the raw HTML is left out; the TeX is printed.
    expect(html).toContain('click');
    expect(html).not.toContain('raw html</a>');
    expect(tex).toContain('\\textbackslash{}input\\{/etc/passwd\\}');
    expect(tex).not.toMatch(/(?<!textbackslash\{\})\\input\{\/etc/);
    const urls = [
      ...tex.split('\\begin{document}')[1]!.matchAll(/\\href\{([^}]*)\}|\[(mailto:[^\]]*|https?:[^\]]*|tel:[^\]]*)\]/g),
    ].map((m) => m[1] ?? m[2]);
    expect(urls.sort()).toEqual([
      'https://example.com',
      'https://github.com/ada',
      'mailto:ada@example.com',
      'tel:+15551234',
    ]);
  });
});
