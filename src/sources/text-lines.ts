import { createReadStream } from 'node:fs';

/** Bytes read per chunk: bounds how many lines are in memory at once. */
const READ_CHUNK_BYTES = 1 << 16;

/**
 * Streams a UTF-8 text file as arrays of complete lines (without the `\n`), one array per read,
 * so a caller can work synchronously on each array and await only once per chunk. A line longer
 * than a chunk is carried over until its end arrives. The last line is yielded even without a
 * final newline.
 */
export async function* lineChunks(path: string): AsyncGenerator<string[], void, undefined> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  let carry = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    let end = chunk.indexOf('\n');
    if (end === -1) {
      carry += chunk;
      continue;
    }
    const lines = [carry + chunk.slice(0, end)];
    let start = end + 1;
    while ((end = chunk.indexOf('\n', start)) !== -1) {
      lines.push(chunk.slice(start, end));
      start = end + 1;
    }
    carry = chunk.slice(start);
    yield lines;
  }
  if (carry !== '') yield [carry];
}
