import { GrowableArray } from './growable-array.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The key of a missing value in a categorical column (cannot clash with a JSON text). */
const MISSING = '\u0000missing';

/** A value as a number where it has a natural order: numbers, booleans, ISO dates and instants. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * The values of one field over the events of one label, kept compactly: a numeric column holds the
 * numbers (NaN where missing); a categorical one holds a small integer per event and the dictionary
 * of distinct values. A field starts numeric when its first present value has an order and turns
 * categorical for good the first time a value without one arrives.
 */
export class FieldColumn {
  private kindSoFar: 'numeric' | 'categorical' | undefined;
  private readonly cells = new GrowableArray();
  private readonly dictionary = new Map<string, number>();

  get kind(): 'numeric' | 'categorical' {
    return this.kindSoFar ?? 'categorical';
  }

  /** Pads with missing values up to `rows` (a field absent from the first events). */
  padTo(rows: number): void {
    while (this.cells.length < rows) this.pushMissing();
  }

  push(value: unknown): void {
    if (value === null || value === undefined) {
      this.pushMissing();
      return;
    }
    const number = this.kindSoFar === 'categorical' ? undefined : numericValue(value);
    if (number !== undefined) {
      this.kindSoFar = 'numeric';
      this.cells.push(number);
      return;
    }
    if (this.kindSoFar === 'numeric') this.becomeCategorical();
    this.kindSoFar = 'categorical';
    this.cells.push(this.code(typeof value === 'string' ? value : JSON.stringify(value)));
  }

  /** Numeric columns: the numbers, NaN where missing. */
  numbers(): Float64Array {
    return this.cells.values();
  }

  /** Categorical columns: the value code of each event. */
  codes(): Int32Array {
    return Int32Array.from(this.cells.values());
  }

  distinctValues(): number {
    return this.kind === 'numeric'
      ? new Set(this.numbers()).size
      : this.dictionary.size - (this.dictionary.has(MISSING) ? 1 : 0);
  }

  private pushMissing(): void {
    if (this.kindSoFar === 'categorical') this.cells.push(this.code(MISSING));
    else this.cells.push(Number.NaN);
  }

  private code(key: string): number {
    let code = this.dictionary.get(key);
    if (code === undefined) {
      code = this.dictionary.size;
      this.dictionary.set(key, code);
    }
    return code;
  }

  /**
   * Re-encodes the numbers seen so far as categories, keyed by the number (an instant by its epoch
   * milliseconds): equal values stay equal, which is all a categorical column needs.
   */
  private becomeCategorical(): void {
    const cells = this.cells.values();
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i] ?? Number.NaN;
      cells[i] = this.code(Number.isNaN(value) ? MISSING : `\u0000n${value}`);
    }
  }
}
