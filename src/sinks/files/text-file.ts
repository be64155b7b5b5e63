import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';

const FLUSH_AT = 1 << 20;

/**
 * An append-only text file that buffers small writes, waits for the stream to drain (backpressure)
 * and hashes exactly the bytes written.
 */
export class TextFile {
  private readonly stream: WriteStream;
  private readonly hash = createHash('sha256');
  private buffer = '';
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
    this.buffer += text;
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  /** Writes UTF-8 bytes after whatever text is buffered. */
  async appendBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.writeChunk(bytes);
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    await this.writeChunk(chunk);
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
