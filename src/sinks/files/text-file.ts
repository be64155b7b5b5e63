import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';

/** Bytes gathered before a write: large enough that a write is one system call per megabyte. */
const CHUNK_BYTES = 1 << 20;

/**
 * An append-only text file that buffers small writes, waits for the stream to drain (backpressure)
 * and hashes exactly the bytes written.
 */
export class TextFile {
  private readonly stream: WriteStream;
  private readonly hash = createHash('sha256');
  // Text is encoded into this off-heap chunk as it arrives: holding the strings until a flush
  // would keep them alive across young-generation collections, and copying them there was a
  // quarter of generation's GC time.
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private bytes = 0;

  private constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'wx' });
  }

  /** Creates `relativePath` (and its folders) under `directory`; fails if it exists. */
  static async create(directory: string, relativePath: string): Promise<TextFile> {
    const path = join(directory, relativePath);
    await mkdir(dirname(path), { recursive: true });
    return new TextFile(path);
  }

  /** Buffers text; returns a promise (to await) only when the buffer had to be flushed. */
  append(text: string): Promise<void> | undefined {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (text.length * 3 <= CHUNK_BYTES - this.used) {
      this.used += this.chunk.write(text, this.used, 'utf8');
      return undefined;
    }
    // State changes and stream writes happen now, in call order; only the drain is awaited.
    const flushed = this.flush();
    if (text.length * 3 > CHUNK_BYTES)
      return Promise.all([flushed, this.writeChunk(Buffer.from(text, 'utf8'))]).then(() => {});
    this.used = this.chunk.write(text, 0, 'utf8');
    return flushed;
  }

  /** Writes UTF-8 bytes after whatever text is buffered. */
  async appendBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.writeChunk(bytes);
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    // The stream keeps the written slice until it reaches the disk, so appends go to a new chunk.
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    await this.writeChunk(full);
  }

  private async writeChunk(chunk: Uint8Array): Promise<void> {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes, closes and returns the byte count and SHA-256 of the file. */
  async close(): Promise<{ bytes: number; sha256: string }> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  async destroy(): Promise<void> {
    this.stream.destroy();
    if (!this.stream.closed) await once(this.stream, 'close');
  }
}
