/**
 * A growable Float64Array: eight bytes per value, so per-transfer figures (amounts, pair keys) of a
 * large output fit in memory where an array of boxed numbers would not.
 */
export class GrowableArray {
  private data = new Float64Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  /** The values, as a view (no copy). */
  values(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}
