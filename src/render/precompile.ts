import Handlebars from 'handlebars';
import { ESCAPE_HELPER } from './environment.js';
import { ThemeError } from './theme-error.js';

/**
 * The compiler half of Handlebars, loaded only for a template that is not in
 * the cache yet: rendering needs the runtime alone.
 */

/** Changing these, or the compiler below, changes the code made: bump `COMPILER_VERSION` in template-cache.ts. */
const OPTIONS = { strict: false, preventIndent: true };

interface CompilerInternals {
  appendEscaped(): void;
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

/**
 * Handlebars hard-wires `{{ }}` to its HTML escaper; the compiler is its
 * documented extension point, so `{{ }}` is compiled to a call of the escape
 * helper, which each environment registers for its own output language.
 */
const compiler = Handlebars.create();
const Base = (compiler as unknown as { JavaScriptCompiler: new () => CompilerInternals }).JavaScriptCompiler;
class EscapingCompiler extends Base {
  override appendEscaped(): void {
    // Helpers are called with an options object last; `{}` stands in for it.
    this.pushSource(this.appendToBuffer([this.aliasable(`helpers.${ESCAPE_HELPER}`), '(', this.popStack(), ', {})']));
  }
}
// Nested blocks ({{#each}}...) are compiled by `prototype.compiler`; keep them on ours.
(EscapingCompiler.prototype as unknown as { compiler: unknown }).compiler = EscapingCompiler;
(compiler as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = EscapingCompiler;

/**
 * A template's source compiled to a spec: JavaScript source of an object that
 * `template()` of an environment turns into a template. A mistake in the
 * template names its file and line.
 */
export function precompile(file: string, source: string): string {
  try {
    return compiler.precompile(source, OPTIONS) as unknown as string;
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    const line = /on line (\d+)/.exec(lines[0]!)?.[1] ?? (error as { lineNumber?: number }).lineNumber;
    // A parse error says where ("...{{/each}}}") and what it expected, on lines of their own; others say what, then ` -
    // LINE:COLUMN`.
    const detail = lines[1]
      ? ` near \`${lines[1].replace(/^\.\.\./, '').trim()}\``
      : `: ${lines[0]!.replace(/ - \d+:\d+$/, '')}`;
    throw new ThemeError(`template syntax error${detail}`, file, line === undefined ? undefined : Number(line));
  }
}
