const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:(?:${MONTH}\\s+)?\\d{4}(?:-\\d{2})?|\\d{1,2}/\\d{4}|present|now|today|current|ongoing)`;
const RANGE = new RegExp(`(?<![\\p{L}\\p{N}])(${DATE})(\\s*)--?(\\s*)(${DATE})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * A hyphen between two dates or years (`2022-2025`, `Sep 2025 - Present`)
 * becomes an en dash; everything else is left as written.
 */
export function dashDateRanges(text: string): string {
  return text.replace(RANGE, (_, from: string, before: string, after: string, to: string) => `${from}${before}\u2013${after}${to}`);
}
