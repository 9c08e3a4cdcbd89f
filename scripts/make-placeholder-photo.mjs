#!/usr/bin/env node
// Draws the neutral placeholder portrait (a grey head-and-shoulders silhouette)
// that new resumes point `photo:` at. Made here, so no third-party image ships.
// Usage: node scripts/make-placeholder-photo.mjs OUT.png
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const WIDTH = 320;
const HEIGHT = 400;
const BACKGROUND = [0xdf, 0xe3, 0xe8];
const FIGURE = [0xa4, 0xad, 0xb9];
const SAMPLES = 4; // per axis, for smooth edges

function inFigure(x, y) {
  const head = (x - 160) ** 2 + (y - 150) ** 2 <= 68 ** 2;
  const shoulders = y >= 235 && ((x - 160) / 140) ** 2 + ((y - 400) / 150) ** 2 <= 1;
  return head || shoulders;
}

const rows = [];
for (let y = 0; y < HEIGHT; y++) {
  const row = Buffer.alloc(1 + WIDTH * 3); // leading 0: PNG filter "none"
  for (let x = 0; x < WIDTH; x++) {
    let hits = 0;
    for (let sy = 0; sy < SAMPLES; sy++)
      for (let sx = 0; sx < SAMPLES; sx++) if (inFigure(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
    const t = hits / SAMPLES ** 2;
    for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(BACKGROUND[c] * (1 - t) + FIGURE[c] * t);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(WIDTH, 0);
header.writeUInt32BE(HEIGHT, 4);
header[8] = 8; // bit depth
header[9] = 2; // colour type: RGB
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(process.argv[2] ?? 'photo.png', png);
