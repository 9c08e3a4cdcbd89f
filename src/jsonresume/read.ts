import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';

/** Parses JSON text; a syntax error becomes a diagnostic at its line and column. */
export function readJson(source: string, file: string): { data?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: JSON.parse(source.replace(/^\uFEFF/, '')) as unknown, diagnostics: [] };
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = source.slice(0, offset).split('\n');
    const line = before.length;
    return {
      diagnostics: [
        {
          file,
          line,
          column: before.at(-1)!.length + 1,
          severity: 'error',
          message: messages.jsonInvalid(message.replace(/ in JSON at position \d+.*$/, '')),
          sourceLine: source.split('\n')[line - 1],
        },
      ],
    };
  }
}
