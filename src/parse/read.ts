import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import { MAX_BYTES } from './limits.js';

export type ReadResult = { ok: true; source: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads a resume file as UTF-8 text. What is not a resume (a folder, a huge
 * file, binary data, another encoding) is a diagnostic naming the spot, not
 * a decoding surprise later on.
 */
export async function readSource(file: string): Promise<ReadResult> {
  const fail = (message: string, hint?: string, place?: { line: number; column: number }): ReadResult =>
    failure(file, message, hint, place);
  let bytes: Buffer;
  try {
    // Never blocking: a named pipe no program writes to (or one that never writes) would hold a file thread in open or
    // read, and Node's exit waits for those threads: not even Ctrl-C or SIGTERM would end mdcv.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return fail(messages.fileIsFolder);
      const tooLarge = (): ReadResult =>
        fail(
          messages.fileTooLarge(
            stats.isFile() ? (stats.size / 1024 / 1024).toFixed(1) : 'over 1',
            String(MAX_BYTES / 1024 / 1024),
          ),
          messages.fileTooLargeHint,
        );
      if (stats.size > MAX_BYTES) return tooLarge();
      // Read no more than the limit allows even when the size is not known up front (a pipe, /dev/zero).
      const capped = await readCapped(handle, MAX_BYTES + 1);
      if (capped.length > MAX_BYTES) return tooLarge();
      bytes = capped;
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(messages.fileMissing);
    if (code === 'EISDIR') return fail(messages.fileIsFolder);
    return fail(messages.fileUnreadable((error as Error).message));
  }
  return decodeSource(file, bytes);
}

/** A file's bytes as UTF-8 text, or a diagnostic naming where they are not (another encoding, binary data). */
export function decodeSource(file: string, bytes: Buffer): ReadResult {
  const fail = (message: string, hint?: string, place?: { line: number; column: number }): ReadResult =>
    failure(file, message, hint, place);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail(messages.fileUtf16, messages.fileEncodingHint);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(messages.fileBinary, messages.fileBinaryHint, placeOf(bytes, nul));
  const source = bytes.toString('utf8');
  const bad = firstInvalidByte(bytes, source);
  if (bad >= 0)
    return fail(
      messages.fileNotUtf8(bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')),
      messages.fileEncodingHint,
      placeOf(bytes, bad),
    );
  return { ok: true, source };
}

function failure(file: string, message: string, hint?: string, place?: { line: number; column: number }): ReadResult {
  return { ok: false, diagnostic: { file, severity: 'error', message, hint, ...place } };
}

async function readCapped(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
    const bytesRead = await readSome(handle, chunk);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

/** What is there to read (at least a byte), or 0 at the end: a pipe with nothing in it yet is waited for. */
async function readSome(handle: FileHandle, chunk: Buffer): Promise<number> {
  for (;;) {
    try {
      return (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await sleep(10);
    }
  }
}

/** The byte offset of the first invalid UTF-8 sequence (decoding put a U+FFFD there), or -1. */
function firstInvalidByte(bytes: Buffer, decoded: string): number {
  if (!decoded.includes('\uFFFD')) return -1;
  let offset = 0;
  for (const char of decoded) {
    const written = Buffer.from(char, 'utf8');
    if (char === '\uFFFD' && !bytes.subarray(offset, offset + 3).equals(written)) return offset;
    offset += written.length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset. */
function placeOf(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (const b of before) if (b === 0x0a) line++;
  return { line, column: [...before.subarray(lineStart).toString('utf8')].length + 1 };
}
