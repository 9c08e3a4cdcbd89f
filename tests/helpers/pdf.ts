import { execa } from 'execa';

/**
 * The PDF's text as poppler reads it, one page or all, line by line as printed
 * (`-layout`: without it poppler's column guessing may move a flush-right date
 * below the lines that follow it).
 */
export async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await execa('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, pdf, '-'])).stdout;
}

export async function pdfInfo(pdf: string): Promise<{ pages: number; width: number; height: number }> {
  const out = (await execa('pdfinfo', [pdf])).stdout;
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Each font's type and whether it is embedded, from `pdffonts`. */
export async function pdfFonts(pdf: string): Promise<{ name: string; type: string; embedded: boolean }[]> {
  const lines = (await execa('pdffonts', [pdf])).stdout.split('\n').slice(2);
  return lines.map((line) => {
    const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line)!;
    return { name: match[1]!, type: match[2]!, embedded: match[3] === 'yes' };
  });
}

/** Words (letters and digits) in reading order: what must survive typesetting, whatever the punctuation and layout. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
