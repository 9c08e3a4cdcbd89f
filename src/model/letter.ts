import type { Block, Resume } from './resume.js';

/**
 * A cover letter: what the parser reads from the letter's own file. The
 * header (name, contacts, photo), theme and locale are its resume's.
 */
export interface LetterContent {
  /** The letter's Markdown file, as given. */
  file: string;
  /** `resume:` as written: the resume's path, relative to the letter. */
  resumePath: string;
  /** The recipient's address, a line each, with the line it is written on. */
  to: { text: string; line: number }[];
  subject: { text: string; line: number };
  /** `date:` as written; absent means today. */
  date?: string;
  /** `closing:` as written; absent means the locale's. */
  closing?: string;
  /** The body's paragraphs, lists and tables, in order. */
  body: Block[];
  /** The line each frontmatter key is written on. */
  keyLines: Record<string, number>;
}

/** A letter with its resume read, its date and closing settled: what the renderers take. */
export interface Letter extends Omit<LetterContent, 'date' | 'closing'> {
  resume: Resume;
  /** The date as printed, and as `YYYY-MM-DD` when it is one (for the HTML `<time>`). */
  date: { text: string; iso?: string };
  closing: string;
}
