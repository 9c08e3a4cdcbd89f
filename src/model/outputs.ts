/** The files a build can write, by extension. */
export type OutputFormat = 'pdf' | 'html' | 'tex' | 'txt' | 'png' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex', 'txt', 'png', 'json'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'tex'];
