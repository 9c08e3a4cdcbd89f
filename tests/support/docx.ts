import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Every XML part of a .docx (a zip), by its path in the zip, as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/.test(file.name) });
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The files of the zip that are not XML (the photo). */
export function docxMedia(bytes: Uint8Array): Record<string, Uint8Array> {
  // Files only: the zip may list the folder itself (`word/media/`) as an entry too.
  return unzipSync(bytes, { filter: (file) => file.name.startsWith('word/media/') && !file.name.endsWith('/') });
}

export interface WordParagraph {
  /** The paragraph style's id (`Heading1`, `Title`), if it has one. */
  style?: string;
  /** Its text as a reader sees it: runs' text, a tab as `\t`, a line break as `\n`. */
  text: string;
  xml: string;
}

/** The body's paragraphs in document order (those in table cells too), read from word/document.xml. */
export function wordParagraphs(documentXml: string): WordParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)].map(
    ([xml, inner = '']) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1],
      text: [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map(([tag, text]) => (tag === '<w:tab/>' ? '\t' : tag === '<w:br/>' ? '\n' : unescapeXml(text ?? '')))
        .join(''),
      xml,
    }),
  );
}

export function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
  );
}

/**
 * Converts Word documents to PDF with LibreOffice (soffice, headless), all in
 * one run (it takes seconds to start), with a profile of its own so runs in
 * parallel do not share one. Returns the PDFs' paths, in `outDir`.
 */
export function libreOfficePdfs(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mdcv-soffice-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      {
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => path.join(outDir, `${path.basename(file, '.docx')}.pdf`));
}
