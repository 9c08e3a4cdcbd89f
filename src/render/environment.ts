import type Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { Inline, RichText } from '../model/resume.js';

/** Handlebars without its parser and compiler (its typings describe only the whole). */
export const HandlebarsRuntime = runtime as unknown as typeof Handlebars;

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

/**
 * What rendering needs of Handlebars: its runtime, without the parser and
 * compiler, which load only to compile a template (see precompile.ts).
 */
export type TemplateEnvironment = Pick<
  typeof Handlebars,
  'template' | 'registerHelper' | 'registerPartial' | 'SafeString' | 'helpers'
>;

/** The helper that compiled templates call for every `{{ }}`. */
export const ESCAPE_HELPER = '__mdcvEscape';

/**
 * A Handlebars environment whose `{{ }}` escapes for the given output
 * language (plain strings escaped, RichText rendered from its safe tree) and
 * `{{{ }}}` prints as is. Escaping lives here, so no template can forget it.
 */
export function createEnvironment(language: OutputLanguage): TemplateEnvironment {
  const env = HandlebarsRuntime.create();
  const escape = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (value instanceof env.SafeString) return value.toString();
    if (isRichText(value)) return language.inline(value.children);
    return language.text(String(value));
  };
  env.registerHelper(ESCAPE_HELPER, escape);
  // `\macro{{arg x}}{{arg y}}` gives `\macro{x}{y}`: TeX braces beside `{{ }}` would confuse Handlebars.
  env.registerHelper('arg', (value: unknown) => new env.SafeString(`{${escape(value)}}`));
  env.registerHelper('url', (value: unknown) => new env.SafeString(language.url(String(value ?? ''))));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `{{dates aside}}`: a right-hand part, its dates machine-readable where the language can say so.
  env.registerHelper(
    'dates',
    (value: unknown) =>
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

function isRichText(value: unknown): value is RichText {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as RichText).type === 'rich' &&
    Array.isArray((value as RichText).children)
  );
}
