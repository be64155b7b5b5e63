#!/usr/bin/env node
// Screenshots of an HTML detection report in headless Chromium, full page, at several widths:
//
//   node scripts/report-screenshots.mjs report.html docs/report [1280 560]
//
// writes docs/report/report-<width>.png. Chromium's --screenshot captures the window only, so the
// window is made taller than any report and the empty page background below the content is cut
// off. CHROME_PATH picks the browser (default: chromium, chromium-browser, google-chrome).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

const [page, outDir, ...rest] = process.argv.slice(2);
if (!page || !outDir) {
  process.stderr.write('usage: report-screenshots.mjs REPORT.html OUT_DIR [WIDTH…]\n');
  process.exit(2);
}
const widths = rest.length > 0 ? rest.map(Number) : [1280, 560];
const TALL = 40_000;

function browser() {
  for (const c of [process.env.CHROME_PATH, 'chromium', 'chromium-browser', 'google-chrome'])
    if (c && spawnSync(c, ['--version']).status === 0) return c;
  throw new Error('no headless browser: apt-get install -y chromium, or set CHROME_PATH');
}

/** RGB(A) 8-bit non-interlaced PNG → pixels (what Chromium writes). */
function decode(png) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let out = v;
      if (filter === 1) out = v + a;
      else if (filter === 2) out = v + b;
      else if (filter === 3) out = v + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * stride + x] = out & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The first `height` rows as an 8-bit palette PNG: the 256 most frequent colours, every other
 * pixel mapped to the nearest of them. A report is flat UI colours plus anti-aliased text, so
 * this keeps it sharp at a third of the size of a true-colour file (these PNGs are committed).
 */
function encode({ width, channels, pixels }, height) {
  const count = new Map();
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    const rgb = (pixels[o] << 16) | (pixels[o + 1] << 8) | pixels[o + 2];
    count.set(rgb, (count.get(rgb) ?? 0) + 1);
  }
  const palette = [...count.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 256)
    .map(([rgb]) => rgb);
  const index = new Map(palette.map((rgb, i) => [rgb, i]));
  const nearest = (rgb) => {
    let found = index.get(rgb);
    if (found !== undefined) return found;
    let best = Infinity;
    const r = rgb >> 16;
    const g = (rgb >> 8) & 255;
    const b = rgb & 255;
    palette.forEach((p, i) => {
      const d = ((p >> 16) - r) ** 2 + (((p >> 8) & 255) - g) ** 2 + ((p & 255) - b) ** 2;
      if (d < best) {
        best = d;
        found = i;
      }
    });
    index.set(rgb, found);
    return found;
  };
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * channels;
      rows[y * (width + 1) + 1 + x] = nearest(
        (pixels[o] << 16) | (pixels[o + 1] << 8) | pixels[o + 2],
      );
    }
  }
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((rgb, i) => {
    plte[i * 3] = rgb >> 16;
    plte[i * 3 + 1] = (rgb >> 8) & 255;
    plte[i * 3 + 2] = rgb & 255;
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 3;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows down to the last one that differs from the bottom row (the page background), plus a margin. */
function contentHeight({ width, height, channels, pixels }) {
  const stride = width * channels;
  const last = pixels.subarray((height - 1) * stride, height * stride);
  for (let y = height - 1; y >= 0; y--)
    if (!pixels.subarray(y * stride, (y + 1) * stride).equals(last))
      return Math.min(height, y + 24);
  return height;
}

const chrome = browser();
mkdirSync(outDir, { recursive: true });
for (const width of widths) {
  const profile = mkdtempSync(join(tmpdir(), 'fingraph-chrome-'));
  const shot = join(profile, 'shot.png');
  try {
    execFileSync(
      chrome,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        `--screenshot=${shot}`,
        `--window-size=${width},${TALL}`,
        `file://${resolve(page)}`,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const image = decode(readFileSync(shot));
    const height = contentHeight(image);
    const out = join(outDir, `report-${width}.png`);
    writeFileSync(out, encode(image, height));
    process.stdout.write(`${out}: ${width}×${height}\n`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
