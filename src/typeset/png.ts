import { run as runProgram } from './run.js';
import { messages } from '../model/messages.js';

export type PngResult = { ok: true; file: string } | { ok: false; message: string; hint?: string };

/** Page 1 of a PDF as a PNG beside it (`NAME.pdf` → `NAME.png`), drawn by poppler's pdftoppm. */
export async function firstPageToPng(pdf: string, dpi = 150): Promise<PngResult> {
  const base = pdf.replace(/\.pdf$/, '');
  const run = await runProgram('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  if (run.code === 'ENOENT') return { ok: false, message: messages.pngToolMissing, hint: messages.pngToolHint };
  if (run.exitCode !== 0) return { ok: false, message: messages.pngFailed(run.stderr.split('\n')[0] ?? '') };
  return { ok: true, file: `${base}.png` };
}
