/** An error the TeX log reports, with the line of the .tex file it happened on. */
export interface LogProblem {
  texLine?: number;
  message: string;
  /** The log lines that show where: `l.80 \mdcvfact{...}` and the line after it. */
  context: string[];
}

/** Lines TeX adds to every error that say nothing about this one. */
const BOILERPLATE = /^(See the LaTeX manual|Type {2}H <return>|\s*==> Fatal error|\s*\.\.\.\s*$|\s*$)/;

/** Reads the errors out of a pdflatex log written with `-file-line-error`. */
export function readLog(log: string): LogProblem[] {
  const lines = log.split(/\r?\n/);
  const problems: LogProblem[] = [];
  lines.forEach((line, i) => {
    const fileLine = /^[^:\s]*\.tex:(\d+): (.*)$/.exec(line);
    // `! message`, or pdfTeX's own `!pdfTeX error: pdflatex (file x.png): ...`.
    const bare = /^!\s?(?:pdfTeX error: )?(.*)$/.exec(line);
    const start = fileLine?.[2] ?? bare?.[1];
    if (start === undefined || (bare && problems.some((p) => p.message.startsWith(bare[1]!)))) return;
    // A message may go on over indented lines ("not set up for use with LaTeX.").
    let end = i + 1;
    while (end < lines.length && /^\s+[^\s=]/.test(lines[end]!)) end++;
    const message = [start, ...lines.slice(i + 1, end).map((l) => l.trim())].join(' ');
    const at = lines.slice(end, end + 12).findIndex((l) => /^l\.\d+ /.test(l));
    const context =
      at >= 0 ? lines.slice(end + at, end + at + 2) : lines.slice(end, end + 3).filter((l) => !BOILERPLATE.test(l));
    problems.push({
      texLine: fileLine ? Number(fileLine[1]) : undefined,
      message,
      context: context.filter((l) => l.trim() !== ''),
    });
  });
  return problems;
}

/** A line of the page wider than the text: TeX's `Overfull \hbox`, on the .tex line it began. */
export interface Overflow {
  texLine: number;
  /** How far past the margin, in TeX points. */
  pt: number;
}

/** Reads the lines too wide for the page out of a log (TeX reports every one, and still typesets). */
export function readOverflows(log: string): Overflow[] {
  const found = log.matchAll(
    /^Overfull \\hbox \(([\d.]+)pt too wide\) (?:in paragraph at lines (\d+)|in alignment at lines (\d+)|detected at line (\d+))/gm,
  );
  return [...found].map((m) => ({ pt: Number(m[1]), texLine: Number(m[2] ?? m[3] ?? m[4]) }));
}

/** A character none of the fonts has: XeTeX leaves it out and logs it (`\tracinglostchars=1`), and typesets on. */
export interface LostCharacter {
  char: string;
  /** `U+1F680`. */
  code: string;
}

/** Every character the engine left out, once each, in the order met. */
export function readLostCharacters(log: string): LostCharacter[] {
  const chars = [...log.matchAll(/^Missing character: There is no (\S+?)(?: \(U\+[0-9A-F]+\))? in font /gmu)].map(
    (m) => m[1]!,
  );
  return [...new Set(chars)].map((char) => ({
    char,
    code: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  }));
}
