import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextFile } from '../../src/sinks/files/text-file.js';

describe('TextFile', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fingraph-text-file-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes exactly the UTF-8 of what was appended, across chunk boundaries, and hashes it', async () => {
    // Multi-byte characters near the 1 MiB chunk edge, texts larger than a chunk, raw bytes between.
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 4_000; i++) pieces.push(`{"n":${i},"city":"Zürich – 東京 🏦"}\n`);
    pieces.push('é'.repeat(700_000));
    pieces.push(Buffer.from('raw bytes\n'));
    pieces.push('x'.repeat(3 << 20));
    for (let i = 0; i < 40_000; i++) pieces.push(`line ${i} ü\n`);

    const file = await TextFile.create(directory, 'sub/out.txt');
    for (const piece of pieces) {
      if (typeof piece === 'string') await file.append(piece);
      else await file.appendBytes(piece);
    }
    const { bytes, sha256 } = await file.close();

    const expected = Buffer.concat(
      pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)),
    );
    const written = await readFile(join(directory, 'sub/out.txt'));
    expect(written.equals(expected)).toBe(true);
    expect(bytes).toBe(expected.length);
    expect(sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('keeps call order when appends are not awaited', async () => {
    const file = await TextFile.create(directory, 'unawaited.txt');
    // 300,000 chars fit a chunk, 2 Mi chars do not; the last append flushes the one before it.
    const texts = ['a', 'b'.repeat(300_000), 'c'.repeat(2 << 20), 'd'.repeat(300_000)];
    texts.push('e'.repeat(300_000), 'f');
    const pending = texts.map((text) => file.append(text));
    await Promise.all(pending.filter((p): p is Promise<void> => p !== undefined));
    await file.close();
    expect(await readFile(join(directory, 'unawaited.txt'), 'utf8')).toBe(texts.join(''));
  });
});
