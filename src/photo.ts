import { readdirSync } from 'node:fs';
import path from 'node:path';
import { atValue, type Diagnostic } from './model/diagnostic.js';
import { messages } from './model/messages.js';
import type { Resume } from './model/resume.js';
import { nearest } from './parse/suggest.js';
import type { PhotoAsset } from './render/index.js';
import { readConfined } from './files/read.js';
import { refusal } from './files/refusal.js';

/** The largest photo read: a print-quality portrait is a few MB. */
const PHOTO_LIMIT = 20 * 1024 * 1024;

const PHOTO_TYPES: Record<string, { mime: string; kind: string; magic: Buffer }> = {
  '.png': { mime: 'image/png', kind: 'PNG', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  '.jpg': { mime: 'image/jpeg', kind: 'JPEG', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  '.jpeg': { mime: 'image/jpeg', kind: 'JPEG', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  '.pdf': { mime: 'application/pdf', kind: 'PDF', magic: Buffer.from('%PDF-') },
};

/** Reads the photo and checks that its bytes are the image its name says, before pdflatex meets it. */
export async function readPhoto(
  resume: Resume,
  name: string,
  diagnostics: Diagnostic[],
  sourceLines: readonly string[],
): Promise<{ asset: PhotoAsset; bytes: Buffer } | undefined> {
  const photoPath = resume.person.photo;
  if (!photoPath) return undefined;
  const at = atValue(resume.file, sourceLines, resume.keyLines.photo);
  const ext = path.extname(photoPath).toLowerCase();
  const type = PHOTO_TYPES[ext];
  if (!type) {
    diagnostics.push({ ...at, severity: 'error', message: messages.photoType(path.basename(photoPath)) });
    return undefined;
  }
  // Only from the resume's own folder tree, as TeX's `openin_any=p` reads: a resume cannot embed a file from elsewhere.
  const folder = path.dirname(path.resolve(resume.file));
  const shown = path.relative(folder, photoPath);
  const read = readConfined(photoPath, [folder], PHOTO_LIMIT);
  if (!read.ok) {
    const hints = {
      missing: photoHint(photoPath, folder),
      outside: messages.photoOutsideHint,
      linked: messages.photoLinkedHint,
    };
    const words = { what: 'photo', holder: 'resume', shown, written: shown, limitMb: PHOTO_LIMIT / 1024 / 1024, hints };
    diagnostics.push({ ...at, severity: 'error', ...refusal(read, words) });
    return undefined;
  }
  const bytes = read.bytes;
  if (!bytes.subarray(0, type.magic.length).equals(type.magic)) {
    diagnostics.push({
      ...at,
      severity: 'error',
      message: messages.photoCorrupt(path.basename(photoPath), type.kind),
      hint: messages.photoCorruptHint,
    });
    return undefined;
  }
  const fileName = `${name.replace(/[^A-Za-z0-9]+/g, '-')}-photo${ext === '.jpeg' ? '.jpg' : ext}`;
  const dataUri = type.mime === 'application/pdf' ? undefined : `data:${type.mime};base64,${bytes.toString('base64')}`;
  return { asset: { fileName, dataUri }, bytes };
}

/** The image beside the one named, nearest in name (`photo.jpg` for `photo.png`), else where the path starts from. */
function photoHint(photoPath: string, folder: string): string {
  let images: string[] = [];
  try {
    images = readdirSync(path.dirname(photoPath)).filter((f) => PHOTO_TYPES[path.extname(f).toLowerCase()]);
  } catch {
    // No such folder: nothing to suggest from it.
  }
  const near = nearest(path.basename(photoPath), images);
  return near
    ? messages.didYouMean(path.relative(folder, path.join(path.dirname(photoPath), near)))
    : messages.photoMissingHint(path.basename(folder));
}
