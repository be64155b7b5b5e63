import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TextFile } from '../files/text-file.js';

/** Lines held in memory before a sorted run is written to disk. */
const RUN_LINES = 100_000;

/**
 * Sorts text lines by a string key with bounded memory: lines are kept until RUN_LINES, then
 * written as a sorted run to a scratch folder; `sorted()` merges the runs. Keys must be unique
 * (a total order), so the result does not depend on where runs were cut.
 */
export class ExternalSort {
  private buffer: [string, string][] = [];
  private readonly runs: string[] = [];

  constructor(private readonly scratch: string) {}

  async add(key: string, line: string): Promise<void> {
    this.buffer.push([key, line]);
    if (this.buffer.length >= RUN_LINES) await this.spill();
  }

  private sortBuffer(): [string, string][] {
    const lines = this.buffer;
    this.buffer = [];
    return lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  private async spill(): Promise<void> {
    await mkdir(this.scratch, { recursive: true });
    const name = `run-${this.runs.length}`;
    const file = await TextFile.create(this.scratch, name);
    for (const [key, line] of this.sortBuffer()) {
      const pending = file.append(`${key}\t${line}\n`);
      if (pending) await pending;
    }
    await file.close();
    this.runs.push(join(this.scratch, name));
  }

  /** Every line, in key order; the scratch folder is removed at the end. */
  async *sorted(): AsyncGenerator<string> {
    if (this.runs.length === 0) {
      for (const [, line] of this.sortBuffer()) yield line;
      return;
    }
    if (this.buffer.length > 0) await this.spill();
    const readers = this.runs.map((path) =>
      createInterface({ input: createReadStream(path), crlfDelay: Infinity })[
        Symbol.asyncIterator
      ](),
    );
    const heads: (string | undefined)[] = await Promise.all(
      readers.map(async (reader) => (await reader.next()).value as string | undefined),
    );
    try {
      for (;;) {
        let best = -1;
        for (let i = 0; i < heads.length; i++) {
          const head = heads[i];
          if (head === undefined) continue;
          if (best < 0 || head < (heads[best] as string)) best = i;
        }
        if (best < 0) break;
        const head = heads[best] as string;
        yield head.slice(head.indexOf('\t') + 1);
        const next = await (readers[best] as AsyncIterator<string>).next();
        heads[best] = next.done === true ? undefined : next.value;
      }
    } finally {
      for (const reader of readers) await reader.return?.();
      await rm(this.scratch, { recursive: true, force: true });
    }
  }

  async discard(): Promise<void> {
    this.buffer = [];
    await rm(this.scratch, { recursive: true, force: true });
  }
}
