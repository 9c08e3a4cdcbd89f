import type { Container } from './containers.js';

/** How markdown.ts reads a source in parts: its options, its clock and where it has got to. */

/**
 * How a source is read: whether it may open with frontmatter, the labels defined outside it (a container's), and
 * when to stop (`performance.now()`), if ever.
 */
export interface Reading {
  partChars: number;
  frontmatter: boolean;
  outside: readonly string[];
  deadline?: number;
  /** Told the line (1-based) each part starts at, before it is read. */
  reached?: (line: number) => void;
  /** For a container's inside: the line (0-based) of the file its first line is. */
  firstLine?: number;
}

/** The parse ran past its deadline; `line` (1-based) is where it stopped. */
export class ParseOverdue extends Error {
  constructor(readonly line: number) {
    super(`the Markdown parse ran past its deadline at line ${line}`);
  }
}

/** Stops the parse, before it reads on from `line` (0-based), once its deadline has passed. */
export function onTime(reading: Reading, line: number): void {
  const inFile = line + 1 + (reading.firstLine ?? 0);
  reading.reached?.(inFile);
  if (reading.deadline !== undefined && performance.now() > reading.deadline) throw new ParseOverdue(inFile);
}

/** How a container's inside is read: as a file of its own, but for the lines it reports. */
export function insideOf(container: Container, reading: Reading): Reading {
  return { ...reading, frontmatter: false, firstLine: (reading.firstLine ?? 0) + container.from };
}
