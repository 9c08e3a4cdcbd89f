import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** The PDF's text as poppler reads it: its default reading order, or `-layout` (physical layout). */
export function pdfText(file: string, mode: 'default' | 'layout' = 'default'): string {
  return execFileSync('pdftotext', [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object ID.
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s{2,}\S.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
    if (!m) throw new Error(`unreadable pdffonts line: ${line}`);
    return { name: m[1]!, type: m[2]!, embedded: m[3] === 'yes' };
  });
}

export function pdfUrls(file: string): string[] {
  return execFileSync('pdfinfo', ['-url', file], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/)[2])
    .filter((u): u is string => Boolean(u));
}

/**
 * Every byte of the PDF as text, with each compressed stream inflated: what a reader of the file could get out of it.
 */
export function pdfContent(file: string): string {
  const bytes = readFileSync(file);
  const parts = [bytes.toString('latin1')];
  for (const [, stream] of bytes.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      parts.push(inflateSync(Buffer.from(stream!, 'latin1')).toString('latin1'));
    } catch {
      // not a Flate stream
    }
  }
  return parts.join('\n');
}

/** A word of the PDF as poppler places it (points from the page's top left). */
export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box (`pdftotext -bbox`), page by page, as poppler reads them. */
export function pdfWords(file: string): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const unescape = (s: string): string =>
    s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          text: unescape(m[5]!),
          page: index + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        }),
      ),
    );
}

/** The printed lines of the PDF: words that share a page and a top (within 1 pt), left to right, top to bottom. */
export function pdfLines(file: string): PdfWord[][] {
  const lines: PdfWord[][] = [];
  for (const word of pdfWords(file)) {
    const line = lines.find((l) => l[0]!.page === word.page && Math.abs(l[0]!.yMin - word.yMin) < 1);
    if (line) line.push(word);
    else lines.push([word]);
  }
  for (const line of lines) line.sort((a, b) => a.xMin - b.xMin);
  return lines.sort((a, b) => a[0]!.page - b[0]!.page || a[0]!.yMin - b[0]!.yMin);
}

/** A page drawn in grey (pdftoppm), to look for ink where no text is: rules, icons. */
export function pdfPageGray(
  file: string,
  page: number,
  dpi = 144,
): { ink(x0: number, y0: number, x1: number, y1: number): number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 1 << 28,
  });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  const scale = dpi / 72;
  return {
    /** How many pixels in the box (points from the top left) are darker than light grey. */
    ink(x0, y0, x1, y1) {
      let dark = 0;
      for (let y = Math.max(0, Math.floor(y0 * scale)); y < Math.min(height, Math.ceil(y1 * scale)); y++) {
        for (let x = Math.max(0, Math.floor(x0 * scale)); x < Math.min(width, Math.ceil(x1 * scale)); x++) {
          if (pgm[offset + y * width + x]! < 160) dark++;
        }
      }
      return dark;
    },
  };
}
