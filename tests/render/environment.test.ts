import { describe, expect, test } from 'vitest';
import { createEnvironment, type TemplateEnvironment } from '../../src/render/environment.js';
import { htmlLanguage } from '../../src/render/html/language.js';
import { latexLanguage } from '../../src/render/latex/language.js';
import { cachedTemplate } from '../../src/render/template-cache.js';

const rich = {
  type: 'rich',
  plain: 'R&D x',
  children: [
    { type: 'strong', children: [{ type: 'text', value: 'R&D' }] },
    { type: 'text', value: ' x' },
  ],
};

/** A template of `env`, compiled as a theme's are (without a cache). */
const compile = (env: TemplateEnvironment, source: string, language: 'tex' | 'html' = 'tex') =>
  cachedTemplate(env, { file: 'test.hbs', source, language }, { cacheDir: false, shipped: false });

describe('template environments', () => {
  test('LaTeX: {{ }} escapes strings and renders rich text, in blocks and partials too', async () => {
    const env = createEnvironment(latexLanguage);
    env.registerPartial('item', await compile(env, '\\item {{this}}'));
    const template = await compile(
      env,
      '{{title}}|{{#each items}}{{> item}}{{/each}}|{{rich}}|{{{raw}}}|\\m{{arg title}}{{arg missing}}|{{url link}}',
    );
    expect(template({ title: '50% & $5', items: ['a_b', '#1'], rich, raw: '\\raw', link: 'https://e.com/#x' })).toBe(
      '50\\% \\& \\$5|\\item a\\_b\\item \\#1|\\textbf{R\\&D} x|\\raw|\\m{50\\% \\& \\$5}{}|https://e.com/\\#x',
    );
  });

  test('HTML: {{ }} escapes for HTML, and the LaTeX environment is not affected', async () => {
    const html = createEnvironment(htmlLanguage);
    const latex = createEnvironment(latexLanguage);
    expect((await compile(html, '{{x}} {{rich}}', 'html'))({ x: '<b>&', rich })).toBe(
      '&lt;b&gt;&amp; <strong>R&amp;D</strong> x',
    );
    expect((await compile(latex, '{{x}}'))({ x: '<b>&' })).toBe('<b>\\&');
  });
});
