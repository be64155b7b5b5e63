import { GrowableArray } from './growable-array.js';

/** Room for 2^26 distinct accounts in a pair key a × 2^26 + b, which stays an exact double. */
const ACCOUNT_SPACE = 2 ** 26;

/**
 * Counts transfers that repeat a (payer, payee) pair: 1 − distinct pairs ÷ transfers. Each pair
 * is one number (eight bytes per transfer), sorted once at the end.
 */
export class PairRepeatCounter {
  private readonly index = new Map<string, number>();
  private readonly keys = new GrowableArray();

  add(payer: string, payee: string): void {
    this.keys.push(this.indexOf(payer) * ACCOUNT_SPACE + this.indexOf(payee));
  }

  /** The share of transfers whose pair was seen before; null without transfers. */
  repeatedShare(): number | null {
    const keys = Float64Array.from(this.keys.values()).sort();
    if (keys.length === 0) return null;
    let distinct = 0;
    for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) distinct++;
    return 1 - distinct / keys.length;
  }

  private indexOf(account: string): number {
    let i = this.index.get(account);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(account, i);
    }
    return i;
  }
}
