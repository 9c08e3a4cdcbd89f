import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxPhoto } from '../../../src/render/docx/photo.js';

/** A JPEG's start: SOI, an APP0 segment of 16 bytes, a DHT of 4, then SOF2 (progressive) of 300 x 200 pixels. */
const JPEG = Uint8Array.from([
  ...[0xff, 0xd8],
  ...[0xff, 0xe0, 0x00, 0x10, ...Array<number>(14).fill(0)],
  ...[0xff, 0xc4, 0x00, 0x04, 0x00, 0x00],
  ...[0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03],
]);

describe('the photo for Word', () => {
  it("reads a PNG's size from its header", () => {
    const bytes = readFileSync(path.resolve(import.meta.dirname, '../../../photo.png'));
    const photo = docxPhoto('resume-photo.png', bytes)!;
    expect(photo.type).toBe('png');
    expect([photo.width, photo.height]).toEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]);
  });

  it("reads a JPEG's size from its frame header, past the segments before it", () => {
    expect(docxPhoto('resume-photo.jpg', JPEG)).toMatchObject({ type: 'jpg', width: 300, height: 200 });
  });

  it('is none for a PDF, or an image whose size cannot be read', () => {
    expect(docxPhoto('resume-photo.pdf', Buffer.from('%PDF-1.5'))).toBeUndefined();
    expect(docxPhoto('resume-photo.jpg', JPEG.subarray(0, 12))).toBeUndefined();
    expect(docxPhoto('resume-photo.png', new Uint8Array(10))).toBeUndefined();
  });
});
