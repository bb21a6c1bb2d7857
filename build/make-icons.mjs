// Draws the app icon (a white key on a blue rounded square) and writes it as PNG with Node built-ins only.
// Run: `node build/make-icons.mjs` — writes build/icon.png (512×512) and build/icons/256x256.png.
// The PNGs are committed; run this again only to change the design.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Encodes RGBA pixels (Uint8Array, size*size*4) as a PNG. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The design in a 512-unit square.
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inKey = (x, y) => {
  const d2 = (x - 176) ** 2 + (y - 256) ** 2;
  const ring = d2 <= 100 ** 2 && d2 >= 44 ** 2;
  const shaft = inRect(x, y, 262, 234, 432, 278);
  const tooth1 = inRect(x, y, 356, 278, 386, 340);
  const tooth2 = inRect(x, y, 402, 278, 432, 318);
  return ring || shaft || tooth1 || tooth2;
};

function draw(size) {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4; // 4×4 supersampling for smooth edges
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let key = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * scale;
          const y = (py + (sy + 0.5) / ss) * scale;
          if (inRoundedRect(x, y, 24, 24, 488, 488, 104)) {
            bg++;
            if (inKey(x, y)) key++;
          }
        }
      }
      const n = ss * ss;
      const t = py / size; // vertical gradient #2f6fd6 → #1b3f8f
      const br = 0x2f + (0x1b - 0x2f) * t;
      const bgG = 0x6f + (0x3f - 0x6f) * t;
      const bb = 0xd6 + (0x8f - 0xd6) * t;
      const k = bg === 0 ? 0 : key / bg;
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(br + (255 - br) * k);
      rgba[i + 1] = Math.round(bgG + (255 - bgG) * k);
      rgba[i + 2] = Math.round(bb + (255 - bb) * k);
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(join(here, 'icons'), { recursive: true });
writeFileSync(join(here, 'icon.png'), draw(512));
writeFileSync(join(here, 'icons', '512x512.png'), draw(512));
writeFileSync(join(here, 'icons', '256x256.png'), draw(256));
console.log('wrote build/icon.png, build/icons/512x512.png, build/icons/256x256.png');
