import Handlebars from 'handlebars';
import type { Inline, RichText } from '../model/resume.js';

/** What a template environment needs to know of its output language. */
export interface OutputLanguage {
  /** Escapes plain text so it prints as written. */
  text(value: string): string;
  /** Renders the model's inline tree. */
  inline(nodes: readonly Inline[]): string;
  /** Escapes a URL for a link target. */
  url(value: string): string;
  /**
   * A note in the output that the text after it comes from this line of the
   * Markdown, invisible in the result; absent when the language needs none.
   */
  sourceMarker?(line: number): string;
  /** Renders inline text that holds dates, marking them up where the language can; else as `inline`. */
  dates?(nodes: readonly Inline[]): string;
}

export type TemplateEnvironment = typeof Handlebars;

/**
 * A Handlebars environment whose `{{ }}` escapes for the given output
 * language (plain strings escaped, RichText rendered from its safe tree) and
 * `{{{ }}}` prints as is. Escaping lives here, so no template can forget it.
 */
export function createEnvironment(language: OutputLanguage): TemplateEnvironment {
  const env = Handlebars.create();
  const escape = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (value instanceof env.SafeString) return value.toString();
    if (isRichText(value)) return language.inline(value.children);
    return language.text(String(value));
  };
  // Handlebars hard-wires `{{ }}` to its HTML escaper; the compiler is its
  // documented extension point, so the escaper is swapped there, per environment.
  const Base = (env as unknown as { JavaScriptCompiler: new () => CompilerInternals }).JavaScriptCompiler;
  class LanguageCompiler extends Base {
    override appendEscaped(): void {
      // Helpers are called with an options object last; `{}` stands in for it.
      this.pushSource(this.appendToBuffer([this.aliasable('helpers.__mdcvEscape'), '(', this.popStack(), ', {})']));
    }
  }
  // Nested blocks ({{#each}}...) are compiled by `prototype.compiler`; keep them on ours.
  (LanguageCompiler.prototype as unknown as { compiler: unknown }).compiler = LanguageCompiler;
  (env as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = LanguageCompiler;
  env.registerHelper('__mdcvEscape', escape);
  // `\macro{{arg x}}{{arg y}}` gives `\macro{x}{y}`: TeX braces beside `{{ }}` would confuse Handlebars.
  env.registerHelper('arg', (value: unknown) => new env.SafeString(`{${escape(value)}}`));
  env.registerHelper('url', (value: unknown) => new env.SafeString(language.url(String(value ?? ''))));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `{{dates aside}}`: a right-hand part, its dates machine-readable where the language can say so.
  env.registerHelper('dates', (value: unknown) =>
    new env.SafeString(language.dates && isRichText(value) ? language.dates(value.children) : escape(value)),
  );
  if (language.sourceMarker) markSourceLines(env, language.sourceMarker);
  return env;
}

/**
 * Every `{{#each}}` iteration over a model item that knows its Markdown line
 * (sections, entries, roles, detail lines, blocks, list items) starts with a
 * source marker. Themes get it without a word in their templates.
 */
function markSourceLines(env: TemplateEnvironment, marker: (line: number) => string): void {
  const each = env.helpers['each'] as Handlebars.HelperDelegate;
  env.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const marked = (item: unknown, runtimeOptions?: Handlebars.RuntimeOptions): string => {
      const line = (item as { line?: unknown } | null)?.line;
      const out = fn(item, runtimeOptions);
      if (typeof line !== 'number') return out;
      // After the leading white space: a space that starts the next line would be skipped by TeX.
      const lead = /^\s*/.exec(out)![0];
      return lead + marker(line) + out.slice(lead.length);
    };
    return each.call(this, context, { ...options, fn: marked });
  });
}

interface CompilerInternals {
  appendEscaped(): void;
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

function isRichText(value: unknown): value is RichText {
  return typeof value === 'object' && value !== null && (value as RichText).type === 'rich' && Array.isArray((value as RichText).children);
}
