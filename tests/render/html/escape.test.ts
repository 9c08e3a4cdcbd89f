import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../../src/render/html/escape.js';
import { inlineToHtml } from '../../../src/render/html/inline.js';

describe('escapeHtml', () => {
  test('escapes what could open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
    expect(escapeHtml('a=`b`')).toBe('a&#61;&#96;b&#96;');
  });

  test('keeps typographic characters and drops control characters', () => {
    expect(escapeHtml('“q” – … € ©\u0000\u0007')).toBe('“q” – … € ©');
  });
});

describe('inlineToHtml', () => {
  test('builds markup from the tree, escaping text and link targets', () => {
    expect(
      inlineToHtml([
        { type: 'strong', children: [{ type: 'text', value: 'R&D' }] },
        { type: 'code', value: '<b>' },
        { type: 'link', url: 'https://e.com/?a=1&b="2"', children: [{ type: 'text', value: 'x' }] },
        { type: 'break' },
      ]),
    ).toBe(
      '<strong>R&amp;D</strong><code>&lt;b&gt;</code><a href="https://e.com/?a&#61;1&amp;b&#61;&quot;2&quot;">x</a><br>',
    );
  });
});
