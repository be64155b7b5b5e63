import { ActivityCounter, type Activity } from './activity.js';
import type { Amounts, Laundering, PurposeAmounts } from './audit-report.js';
import { isCryptoCurrency } from './currencies.js';
import { distributionOf } from './distribution.js';
import { GrowableArray } from './growable-array.js';
import { InDegreeCounter, type InDegree } from './in-degree.js';
import { PairRepeatCounter } from './pair-repeats.js';
import type { RealismFigures } from './realism-targets.js';
import { salaryCoverage, type SalaryCoverage, type SalaryPayment } from './salary-coverage.js';

/** Transfers at or above this many base units count as large. */
export const LARGE_AMOUNT = 10_000;

/** A transfer as the figures need it: its endpoints and its properties, whatever they are. */
export interface TransferInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface EconomyFigures {
  readonly window: { readonly start: string | null; readonly end: string | null };
  readonly laundering: Laundering;
  readonly amounts: Amounts;
  readonly inDegree: InDegree;
  readonly activity: Activity;
  readonly salary: SalaryCoverage;
  readonly cryptoCurrencies: Readonly<Record<string, number>>;
  readonly realism: RealismFigures;
}

interface AmountGroups {
  readonly background: GrowableArray;
  readonly crime: GrowableArray;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The figures of the background economy, fed one record at a time: accounts, owns and
 * employed_by edges first (the order an output directory is read in), then transfers. Reads
 * transfer fields by name and tolerates their absence, so it works on outputs with and without
 * `amount_base`, `base_currency` and `purpose`.
 */
export class BankFigures {
  private readonly accounts = new Map<string, { currency: string; country: string }>();
  private readonly cryptoCurrencies: Record<string, number> = {};
  private readonly accountsOf = new Map<string, string[]>();
  private readonly employers = new Map<string, string[]>();
  private readonly amounts = new Map<string, AmountGroups>();
  private readonly typologyCounts = new Map<string, number>();
  private readonly baseCurrencies = new Set<string>();
  private readonly inDegree = new InDegreeCounter();
  private readonly pairs = new PairRepeatCounter();
  private readonly activity = new ActivityCounter();
  private readonly payments: SalaryPayment[] = [];
  private transfers = 0;
  private labelled = 0;
  private withBase = 0;
  private sameCurrency = 0;
  private knownSender = 0;
  private first = Infinity;
  private last = -Infinity;

  addAccount(id: string, properties: Readonly<Record<string, unknown>>): void {
    const currency = text(properties['currency']) ?? '';
    this.accounts.set(id, { currency, country: text(properties['bank_country']) ?? '' });
    if (isCryptoCurrency(currency))
      this.cryptoCurrencies[currency] = (this.cryptoCurrencies[currency] ?? 0) + 1;
  }

  /** An owns edge: `owner` (person or company) holds `account`. */
  addOwnership(owner: string, account: string): void {
    push(this.accountsOf, owner, account);
  }

  /** An employed_by edge. */
  addEmployment(person: string, company: string): void {
    push(this.employers, person, company);
  }

  /** A transfer, with the typologies of the crimes it belongs to (undefined: background). */
  addTransfer(transfer: TransferInput, typologies: readonly string[] | undefined): void {
    const props = transfer.properties;
    this.transfers++;
    if (typologies) {
      this.labelled++;
      for (const t of new Set(typologies))
        this.typologyCounts.set(t, (this.typologyCounts.get(t) ?? 0) + 1);
    }
    const base = finite(props['amount_base']);
    if (base !== undefined) this.withBase++;
    const baseCurrency = text(props['base_currency']);
    if (baseCurrency !== undefined) this.baseCurrencies.add(baseCurrency);
    const value = base ?? finite(props['amount']);
    const purpose = text(props['purpose']) ?? 'unknown';
    let groups = this.amounts.get(purpose);
    if (!groups) {
      groups = { background: new GrowableArray(), crime: new GrowableArray() };
      this.amounts.set(purpose, groups);
    }
    if (value !== undefined) (typologies ? groups.crime : groups.background).push(value);

    const sender = this.accounts.get(transfer.from);
    if (sender) {
      this.knownSender++;
      if (sender.currency === text(props['currency'])) this.sameCurrency++;
    }
    this.inDegree.add(transfer.to);
    this.pairs.add(transfer.from, transfer.to);
    const ms = Date.parse(text(props['timestamp']) ?? '');
    if (Number.isFinite(ms)) {
      this.first = Math.min(this.first, ms);
      this.last = Math.max(this.last, ms);
      this.activity.add(ms, sender?.country ?? '');
      if (purpose === 'salary')
        this.payments.push({ from: transfer.from, to: transfer.to, utcMs: ms });
    }
  }

  result(): EconomyFigures {
    const merged = (pick: (g: AmountGroups) => GrowableArray) => {
      const all = new GrowableArray();
      for (const g of this.amounts.values()) for (const v of pick(g).values()) all.push(v);
      return all.values();
    };
    const backgroundAll = merged((g) => g.background);
    const large = backgroundAll.reduce((n, v) => n + (v >= LARGE_AMOUNT ? 1 : 0), 0);
    const byPurpose: PurposeAmounts[] = [...this.amounts]
      .sort(
        ([a, ga], [b, gb]) =>
          gb.background.length + gb.crime.length - (ga.background.length + ga.crime.length) ||
          a.localeCompare(b),
      )
      .map(([purpose, g]) => ({
        purpose,
        background: distributionOf(Float64Array.from(g.background.values())),
        crime: distributionOf(Float64Array.from(g.crime.values())),
      }));
    const background = distributionOf(Float64Array.from(backgroundAll));
    const crime = distributionOf(Float64Array.from(merged((g) => g.crime)));
    const inDegree = this.inDegree.result();
    const activity = this.activity.result();
    const salary = salaryCoverage({
      employers: this.employers,
      accountsOf: this.accountsOf,
      payments: this.payments,
      windowStartMs: this.first,
      windowEndMs: this.last,
    });
    const windowKnown = Number.isFinite(this.first);
    return {
      window: {
        start: windowKnown ? new Date(this.first).toISOString() : null,
        end: windowKnown ? new Date(this.last).toISOString() : null,
      },
      laundering: {
        transfers: this.transfers,
        labelled: this.labelled,
        rate: ratio(this.labelled, this.transfers) ?? 0,
        byTypology: [...this.typologyCounts]
          .map(([typology, n]) => ({ typology, transfers: n, rate: n / this.transfers }))
          .sort((a, b) => b.transfers - a.transfers || a.typology.localeCompare(b.typology)),
      },
      amounts: {
        field:
          this.withBase === this.transfers
            ? 'amount_base'
            : this.withBase === 0
              ? 'amount'
              : 'mixed',
        baseCurrencies: [...this.baseCurrencies].sort(),
        background,
        crime,
        byPurpose,
      },
      inDegree,
      activity,
      salary,
      cryptoCurrencies: { ...this.cryptoCurrencies },
      realism: {
        sameCurrencyShare: ratio(this.sameCurrency, this.knownSender),
        cryptoAccounts: Object.values(this.cryptoCurrencies).reduce((a, b) => a + b, 0),
        medianBackgroundAmount: background.median,
        backgroundShareAtLeast10k: ratio(large, backgroundAll.length),
        top1PercentReceiverShare: inDegree.top1PercentShare,
        busiestToMedianReceiver: inDegree.busiestToMedian,
        repeatedPairShare: this.pairs.repeatedShare(),
        weekendToWeekdayRatio: activity.weekendToWeekdayRatio,
        busiestDayOfMonthToMedian: activity.busiestDayOfMonthToMedian,
        salaryCoverage: salary.share,
      },
    };
  }
}
