import { describe, expect, test } from 'vitest';
import { createEnvironment } from '../../src/render/environment.js';
import { htmlLanguage } from '../../src/render/html/language.js';
import { latexLanguage } from '../../src/render/latex/language.js';

const rich = { type: 'rich', plain: 'R&D x', children: [{ type: 'strong', children: [{ type: 'text', value: 'R&D' }] }, { type: 'text', value: ' x' }] };

describe('template environments', () => {
  test('LaTeX: {{ }} escapes strings and renders rich text, in blocks and partials too', () => {
    const env = createEnvironment(latexLanguage);
    env.registerPartial('item', '\\item {{this}}');
    const template = env.compile('{{title}}|{{#each items}}{{> item}}{{/each}}|{{rich}}|{{{raw}}}|\\m{{arg title}}{{arg missing}}|{{url link}}');
    expect(template({ title: '50% & $5', items: ['a_b', '#1'], rich, raw: '\\raw', link: 'https://e.com/#x' })).toBe(
      '50\\% \\& \\$5|\\item a\\_b\\item \\#1|\\textbf{R\\&D} x|\\raw|\\m{50\\% \\& \\$5}{}|https://e.com/\\#x',
    );
  });

  test('HTML: {{ }} escapes for HTML, and the LaTeX environment is not affected', () => {
    const html = createEnvironment(htmlLanguage);
    const latex = createEnvironment(latexLanguage);
    expect(html.compile('{{x}} {{rich}}')({ x: '<b>&', rich })).toBe('&lt;b&gt;&amp; <strong>R&amp;D</strong> x');
    expect(latex.compile('{{x}}')({ x: '<b>&' })).toBe('<b>\\&');
  });
});
