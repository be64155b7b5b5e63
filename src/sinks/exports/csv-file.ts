import { TextFile } from '../files/text-file.js';
import type { WrittenFile } from '../files/row-writer.js';

type Cell = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 cell: null is an empty cell (no value), an empty string is `""` (a value), and
 * text with a comma, quote or line break is quoted with quotes doubled.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  if (value === '') return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\n';
}

/** An RFC 4180 CSV file with a header (lines end in LF), written in blocks of rows. */
export class CsvFile {
  private pending: string[] = [];
  private records = 0;

  private constructor(
    private readonly file: TextFile,
    readonly path: string,
    private readonly format: string,
    private readonly label: string,
  ) {}

  static async create(
    directory: string,
    path: string,
    header: readonly string[],
    format: string,
    label: string,
  ): Promise<CsvFile> {
    const file = await TextFile.create(directory, path);
    void file.append(csvLine(header));
    return new CsvFile(file, path, format, label);
  }

  /** Buffers a row; returns a promise only when a block had to be written. */
  add(row: Cell[]): Promise<void> | undefined {
    this.pending.push(csvLine(row));
    this.records++;
    return this.pending.length >= 1_000 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    await this.file.append(text);
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    const { bytes, sha256 } = await this.file.close();
    return {
      path: this.path,
      format: this.format,
      label: this.label,
      records: this.records,
      bytes,
      sha256,
    };
  }

  destroy(): Promise<void> {
    return this.file.destroy();
  }
}
