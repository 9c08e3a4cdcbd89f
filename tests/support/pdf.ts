import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** The PDF's text as poppler reads it: its default reading order, or `-layout` (physical layout). */
export function pdfText(file: string, mode: 'default' | 'layout' = 'default'): string {
  return execFileSync('pdftotext', [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
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

/** Every byte of the PDF as text, with each compressed stream inflated: what a reader of the file could get out of it. */
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
