import type { DocxPhoto } from './header.js';

/**
 * The photo as Word takes it: a PNG or JPEG with its size in pixels (read
 * from its header, so it keeps its shape). A PDF photo, or an image whose
 * size cannot be read, is none: Word cannot show a PDF inline.
 */
export function docxPhoto(fileName: string, bytes: Uint8Array): DocxPhoto | undefined {
  const size = fileName.endsWith('.png') ? pngSize(bytes) : fileName.endsWith('.jpg') ? jpegSize(bytes) : undefined;
  if (!size || size.width === 0 || size.height === 0) return undefined;
  return { bytes, type: fileName.endsWith('.png') ? 'png' : 'jpg', ...size };
}

type Size = { width: number; height: number } | undefined;

/** The IHDR chunk, first after the signature: width and height as 32-bit big-endian numbers. */
function pngSize(bytes: Uint8Array): Size {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The first start-of-frame marker (SOF0 to SOF15, less DHT, JPG and DAC), after the segments before it. */
function jpegSize(bytes: Uint8Array): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 2; at + 9 < bytes.length;) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}
