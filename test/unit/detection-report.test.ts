import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDetectionReport } from '../../src/detection/report-html.js';
import type { DetectorOutcome } from '../../src/detection/run-detection.js';
import { scoreHits } from '../../src/detection/score.js';
import { FACTS, HITS, PATTERNS } from './detection-fixtures.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-report-'));
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const OUTCOMES: DetectorOutcome[] = [
  {
    status: 'ok',
    detector: 'cycle-gremlin',
    typology: 'cycle',
    backend: 'janusgraph',
    description: 'money that comes back to where it started within 72 h',
    hits: HITS.filter((h) => h.typology === 'cycle'),
    timeMs: 412,
  },
  {
    status: 'ok',
    detector: 'fan-in-gremlin',
    typology: 'fan_in',
    backend: 'janusgraph',
    description: 'five or more senders into one account within a day',
    hits: HITS.filter((h) => h.typology === 'fan_in'),
    timeMs: 95,
  },
  {
    status: 'skipped',
    detector: 'insider-opensearch',
    typology: 'insider_trading',
    backend: 'opensearch',
    description: 'trades shortly before an announcement',
    reason: 'no OpenSearch connection given (--opensearch)',
  },
  {
    status: 'failed',
    detector: 'structuring-opensearch',
    typology: 'structuring',
    backend: 'opensearch',
    description: 'deposits just under the reporting threshold',
    error: 'index_not_found_exception',
    timeMs: 3,
  },
];

function report(): string {
  const score = scoreHits(HITS, PATTERNS, {
    queryTimeMs: { cycle: 412, fan_in: 95, insider_trading: 1300 },
    typologies: ['structuring'],
  });
  return renderDetectionReport({
    score,
    outcomes: OUTCOMES,
    hits: HITS,
    patterns: PATTERNS,
    facts: FACTS,
    subtitle: 'data up to 2026-01-15 · 4 patterns injected',
  });
}

/** The browser to screenshot with: CHROME_PATH, or chromium / chromium-browser / google-chrome. */
function browser(): string {
  const candidates = [
    process.env['CHROME_PATH'],
    'chromium',
    'chromium-browser',
    'google-chrome',
  ].filter((c): c is string => c !== undefined && c !== '');
  for (const c of candidates)
    if (spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0) return c;
  throw new Error(
    'no headless browser found for the report screenshot: install one (Debian: apt-get install -y chromium) or set CHROME_PATH',
  );
}

/** A tiny PNG reader: RGB(A) 8-bit, non-interlaced, as Chromium writes screenshots. */
function decodePng(png: Buffer): {
  width: number;
  height: number;
  pixels: Uint8Array;
  channels: number;
} {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
      expect(data[12]).toBe(0); // not interlaced
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      let out: number;
      if (filter === 0) out = v;
      else if (filter === 1) out = v + a;
      else if (filter === 2) out = v + b;
      else if (filter === 3) out = v + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * stride + x] = out & 0xff;
    }
  }
  return { width, height, pixels, channels };
}

describe('detection HTML report', () => {
  it('is one self-contained page: no scripts, no links to anything outside', () => {
    const html = report();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(http/i);
    expect(html).toContain('<svg class="chart"');
    for (const typology of ['cycle', 'fan in', 'insider trading', 'structuring'])
      expect(html).toContain(typology);
    // A drawing per found pattern typology: the cycle, the fan-in and the insider.
    expect(html.match(/<figure /g)?.length).toBe(3);
    expect(html).toContain('skipped: no OpenSearch connection given');
    expect(html).toContain('failed: index_not_found_exception');
  });

  it('escapes what it shows', () => {
    const html = renderDetectionReport({
      score: null,
      outcomes: [],
      hits: [
        { typology: 'cycle', entities: ['<b>x</b>'], events: [], explanation: 'a & <i>b</i>' },
      ],
    });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('a &amp; &lt;i&gt;b&lt;/i&gt;');
    expect(html).not.toContain('<i>b</i>');
  });

  it.each([
    [1280, 900],
    [560, 900],
  ])(
    'renders in a headless browser %i px wide into a screenshot that is not blank',
    async (w, h) => {
      const chrome = browser();
      const page = join(scratch, `report-${w}.html`);
      const shot = join(scratch, `report-${w}.png`);
      await writeFile(page, report());
      const profile = await mkdtemp(join(tmpdir(), 'fingraph-chrome-'));
      try {
        execFileSync(
          chrome,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            `--user-data-dir=${profile}`,
            `--screenshot=${shot}`,
            `--window-size=${w},${h}`,
            `file://${page}`,
          ],
          { stdio: 'pipe', timeout: 60_000 },
        );
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
      expect(existsSync(shot)).toBe(true);
      const { width, height, pixels, channels } = decodePng(await readFile(shot));
      expect([width, height]).toEqual([w, h]);
      const colors = new Set<number>();
      let dark = 0;
      for (let i = 0; i < pixels.length; i += channels) {
        const r = pixels[i] ?? 0;
        const g = pixels[i + 1] ?? 0;
        const b = pixels[i + 2] ?? 0;
        colors.add((r << 16) | (g << 8) | b);
        if (r + g + b < 200) dark++;
      }
      // Text, bars and a dark header: many colours, and a real share of dark pixels.
      expect(colors.size).toBeGreaterThan(200);
      expect(dark / (width * height)).toBeGreaterThan(0.02);
      const keep = process.env['FINGRAPH_KEEP_SCREENSHOT'];
      if (keep && w === 1280) {
        await writeFile(keep, await readFile(shot));
        await writeFile(keep.replace(/\.png$/, '.html'), await readFile(page));
      }
    },
  );
});
