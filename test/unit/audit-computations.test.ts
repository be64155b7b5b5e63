import { describe, expect, it } from 'vitest';
import { ActivityCounter } from '../../src/audit/activity.js';
import { isCryptoCurrency } from '../../src/audit/currencies.js';
import { BankFigures } from '../../src/audit/economy-figures.js';
import { InDegreeCounter } from '../../src/audit/in-degree.js';
import { LeakCollector } from '../../src/audit/leak-table.js';
import { localTime } from '../../src/audit/local-time.js';
import { logHistogram } from '../../src/audit/log-histogram.js';
import { PairRepeatCounter } from '../../src/audit/pair-repeats.js';
import { quantileSorted } from '../../src/audit/quantiles.js';
import { rankAuc, separation } from '../../src/audit/rank-auc.js';
import { checkRealism, type RealismFigures } from '../../src/audit/realism-targets.js';
import { salaryCoverage, wholeMonths } from '../../src/audit/salary-coverage.js';
import { outOfFoldEncoding } from '../../src/audit/target-encoding.js';

const f64 = (...v: number[]) => Float64Array.from(v);
const u8 = (...v: number[]) => Uint8Array.from(v);

/** Labels of `n` events, every `every`-th one labelled. */
function labels(n: number, every: number): boolean[] {
  return Array.from({ length: n }, (_, i) => i % every === 0);
}

describe('rank AUC', () => {
  it('is 1 for a perfect separator and 0 for one that is perfectly reversed', () => {
    expect(rankAuc(f64(1, 2, 3, 4), u8(0, 0, 1, 1))).toBe(1);
    expect(rankAuc(f64(4, 3, 2, 1), u8(0, 0, 1, 1))).toBe(0);
    expect(separation(rankAuc(f64(4, 3, 2, 1), u8(0, 0, 1, 1)))).toBe(1);
  });

  it('is 0.5 for a constant, ties counting one half', () => {
    expect(rankAuc(f64(7, 7, 7, 7, 7), u8(1, 0, 0, 1, 0))).toBe(0.5);
  });

  it('counts ties one half: positives {2, 3} over negatives {1, 2} win 3.5 of 4 pairs', () => {
    expect(rankAuc(f64(1, 2, 2, 3), u8(0, 0, 1, 1))).toBe(3.5 / 4);
  });

  it('ranks a missing value (NaN) below every number', () => {
    expect(rankAuc(f64(Number.NaN, Number.NaN, -5, -4), u8(0, 0, 1, 1))).toBe(1);
  });

  it('is null without both classes', () => {
    expect(rankAuc(f64(1, 2), u8(1, 1))).toBeNull();
  });
});

describe('out-of-fold target encoding', () => {
  it("gives a value seen in one fold only the prior: the event's own label never reaches it", () => {
    const encoded = outOfFoldEncoding(Int32Array.of(0, 1, 2, 3), u8(0, 1, 2, 3), u8(1, 0, 0, 0));
    expect([...encoded]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('gives a shared value the smoothed labelled rate of the other folds', () => {
    // Value 0 in folds 0 and 1: event 0 (fold 0) sees fold 1's one labelled of one, prior 2/4.
    const encoded = outOfFoldEncoding(Int32Array.of(0, 0, 1, 1), u8(0, 1, 2, 3), u8(1, 1, 0, 0));
    expect(encoded[0]).toBeCloseTo((1 + 10 * 0.5) / (1 + 10));
  });
});

describe('leak table', () => {
  function table(rows: { id: string; labelled: boolean; fields: Record<string, unknown> }[]) {
    const collector = new LeakCollector('transfer', rows.filter((r) => !r.labelled).length);
    for (const r of rows) collector.add(r.id, r.labelled, r.fields, { id: 'id' });
    return collector.table();
  }
  const n = 2_000;
  const events = labels(n, 10).map((labelled, i) => ({
    id: `TXN${String(i).padStart(8, '0')}`,
    labelled,
    fields: {
      id: `TXN${String(i).padStart(8, '0')}`,
      reference: `REF${(i * 7919) % 100_003}`,
      amount: labelled ? 10_000 + i : i % 500,
      status: 'completed',
      channel: labelled ? 'wire' : ['branch', 'online', 'mobile'][i % 3],
      flagged: labelled,
      noise: (i * 37) % 101,
      subject: i % 3 === 0 ? null : 'x',
    },
  }));
  const result = table(events);
  const auc = (field: string) => result.fields.find((f) => f.field === field)?.auc;

  it('scores a perfect numeric separator 1 and a perfect categorical one ≈ 1', () => {
    expect(auc('amount')).toBe(1);
    expect(auc('flagged')).toBe(1);
    expect(auc('channel')).toBeGreaterThan(0.99);
  });

  it('scores unique-per-event categories (ids, reference numbers) and constants 0.5, out of fold', () => {
    expect(auc('id')).toBeCloseTo(0.5, 6);
    expect(auc('reference')).toBeCloseTo(0.5, 6);
    expect(auc('status')).toBeCloseTo(0.5, 6);
    expect(result.fields.find((f) => f.field === 'id')?.role).toBe('id');
  });

  it('leaves unrelated fields near 0.5 and sorts by AUC, flagging above the limits', () => {
    expect(auc('noise')).toBeLessThan(0.6);
    expect(auc('subject')).toBeLessThan(0.6);
    expect(result.fields.map((f) => f.auc)).toEqual(
      [...result.fields.map((f) => f.auc)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
    const amount = result.fields.find((f) => f.field === 'amount');
    expect(amount?.threshold).toBe(0.85);
    expect(amount?.flagged).toBe(true);
    expect(result.fields.find((f) => f.field === 'status')?.flagged).toBe(false);
  });

  it('keeps every labelled event and samples the unlabelled ones above the limit, deterministically', () => {
    const run = () => {
      const collector = new LeakCollector('transfer', 1_800, 900);
      for (const e of events) collector.add(e.id, e.labelled, e.fields);
      return collector.table();
    };
    const sampled = run();
    expect(sampled.events).toBe(n);
    expect(sampled.labelled).toBe(200);
    expect(sampled.unlabelledSampleRate).toBe(0.5);
    // About half of the 1,800 unlabelled events (a hash sample: binomial, sd ≈ 21).
    expect(sampled.ranked - 200).toBeGreaterThan(750);
    expect(sampled.ranked - 200).toBeLessThan(1_050);
    expect(run()).toEqual(sampled);
    expect(sampled.fields.find((f) => f.field === 'amount')?.auc).toBe(1);
  });

  it('turns a field categorical when a value without an order arrives after numbers', () => {
    const mixed = table([
      { id: 'a', labelled: true, fields: { code: 1 } },
      { id: 'b', labelled: false, fields: { code: 'x' } },
    ]);
    expect(mixed.fields.find((f) => f.field === 'code')?.kind).toBe('categorical');
  });
});

describe('local time', () => {
  const instant = Date.parse('2025-01-06T23:30:00.000Z'); // a Monday, UTC

  it('shifts the UTC timestamp by the standard offset of the country', () => {
    expect(localTime(instant, 'GB')).toMatchObject({ hour: 23, weekday: 0, dayOfMonth: 6 });
    // Japan is UTC+9: Tuesday 08:30 on the 7th.
    expect(localTime(instant, 'JP')).toMatchObject({ hour: 8, weekday: 1, dayOfMonth: 7 });
    // New York standard time is UTC−5: Monday 18:30.
    expect(localTime(instant, 'US')).toMatchObject({ hour: 18, weekday: 0, dayOfMonth: 6 });
    // India is UTC+5:30: Tuesday 05:00.
    expect(localTime(instant, 'IN')).toMatchObject({ hour: 5, weekday: 1 });
    expect(localTime(instant, 'ZZ').hour).toBe(23);
  });

  it('compares transfers per weekend date with per weekday date, on the local calendar', () => {
    const activity = new ActivityCounter();
    const day = (iso: string) => Date.parse(`${iso}T12:00:00.000Z`);
    // The first and last dates are partial and left out: whatever falls on them does not count.
    for (let k = 0; k < 50; k++) {
      activity.add(day('2025-01-05'), 'GB');
      activity.add(day('2025-01-14'), 'GB');
    }
    // Monday 2025-01-06 to Sunday 2025-01-12: 10 transfers each weekday, 4 each weekend day.
    for (let d = 6; d <= 12; d++)
      for (let k = 0; k < (d >= 11 ? 4 : 10); k++)
        activity.add(day(`2025-01-${String(d).padStart(2, '0')}`), 'GB');
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo: a weekday transfer there.
    activity.add(Date.parse('2025-01-12T23:30:00.000Z'), 'JP');
    const result = activity.result();
    expect(result.weekday).toEqual([11, 10, 10, 10, 10, 4, 4]);
    expect(result.weekdayDates).toEqual([2, 1, 1, 1, 1, 1, 1]);
    // Weekend 8 over 2 dates = 4; weekdays 51 over 6 dates = 8.5.
    expect(result.weekendToWeekdayRatio).toBeCloseTo(4 / 8.5);
    expect(result.hour[12]).toBe(158);
    expect(result.hour[8]).toBe(1);
  });

  it('takes day of month per date: the busiest day over the median day', () => {
    const activity = new ActivityCounter();
    // 2025-03-01 … 2025-03-31, 2 transfers a day, and 5 more on the 25th; a partial first and
    // last date around them (2025-02-28, 2025-04-01) with many transfers that do not count.
    for (const edge of ['2025-02-28', '2025-04-01'])
      for (let k = 0; k < 40; k++) activity.add(Date.parse(`${edge}T10:00:00.000Z`), 'DE');
    for (let d = 1; d <= 31; d++)
      for (let k = 0; k < (d === 25 ? 7 : 2); k++)
        activity.add(Date.parse(`2025-03-${String(d).padStart(2, '0')}T10:00:00.000Z`), 'DE');
    const result = activity.result();
    expect(result.dayOfMonth).toHaveLength(31);
    expect(result.busiestDayOfMonthToMedian).toBe(3.5);
  });
});

describe('salary coverage', () => {
  const employers = new Map([
    ['PER1', ['COM1']],
    ['PER2', ['COM1']],
    ['PER3', ['COM2']], // employer without an account: not counted
    ['PER4', ['COM1']], // owns no account: not counted
  ]);
  const accountsOf = new Map([
    ['PER1', ['ACC1']],
    ['PER2', ['ACC2']],
    ['PER3', ['ACC3']],
    ['COM1', ['ACC9']],
  ]);
  const at = (iso: string) => Date.parse(iso);
  const window = {
    windowStartMs: at('2025-10-17T12:00:00.000Z'),
    windowEndMs: at('2026-01-15T12:00:00.000Z'),
  };

  it('takes the calendar months lying entirely inside the window', () => {
    expect(wholeMonths(window.windowStartMs, window.windowEndMs)).toEqual(['2025-11', '2025-12']);
    expect(wholeMonths(at('2025-11-01T00:00:00.000Z'), at('2025-11-30T23:59:59.999Z'))).toEqual([
      '2025-11',
    ]);
  });

  it('counts a person who missed a month as not covered', () => {
    const result = salaryCoverage({
      employers,
      accountsOf,
      ...window,
      payments: [
        { from: 'ACC9', to: 'ACC1', utcMs: at('2025-11-25T09:00:00.000Z') },
        { from: 'ACC9', to: 'ACC1', utcMs: at('2025-12-24T09:00:00.000Z') },
        // PER2 is paid in November only; a December payment from a stranger does not count.
        { from: 'ACC9', to: 'ACC2', utcMs: at('2025-11-25T09:00:00.000Z') },
        { from: 'ACC3', to: 'ACC2', utcMs: at('2025-12-25T09:00:00.000Z') },
      ],
    });
    expect(result).toEqual({
      eligiblePersons: 2,
      months: ['2025-11', '2025-12'],
      coveredPersons: 1,
      share: 0.5,
    });
  });
});

describe('figures', () => {
  it('quantiles interpolate between ranks', () => {
    const sorted = f64(1, 2, 3, 4, 5);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.25)).toBe(2);
    expect(quantileSorted(f64(10, 20), 0.5)).toBe(15);
    expect(quantileSorted(f64(), 0.5)).toBeNull();
  });

  it('log histograms put powers of ten at the start of a bin and count non-positive values apart', () => {
    const h = logHistogram(f64(1, 9.99, 10, 100, 0, -3));
    expect(h.nonPositive).toBe(2);
    expect(h.bins[0]).toEqual({ lo: 1, hi: 10 ** 0.25, count: 1 });
    expect(h.bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(h.bins.at(-1)?.lo).toBeCloseTo(100);
  });

  it('in-degree: top 1 % share and busiest over median receiver', () => {
    const counter = new InDegreeCounter();
    // 100 receivers: one gets 100 transfers, 99 get 1 each.
    for (let i = 0; i < 100; i++) counter.add('BIG');
    for (let i = 0; i < 99; i++) counter.add(`A${i}`);
    const result = counter.result();
    expect(result.receivers).toBe(100);
    expect(result.top1PercentShare).toBeCloseTo(100 / 199);
    expect(result.busiestToMedian).toBe(100);
    expect(result.points).toEqual([
      { degree: 1, accounts: 99 },
      { degree: 100, accounts: 1 },
    ]);
  });

  it('repeated pairs: 1 − distinct pairs ÷ transfers', () => {
    const pairs = new PairRepeatCounter();
    for (const [a, b] of [
      ['A', 'B'],
      ['A', 'B'],
      ['B', 'A'],
      ['A', 'C'],
    ] as const)
      pairs.add(a, b);
    expect(pairs.repeatedShare()).toBe(0.25);
  });

  it('crypto-assets: the usual codes and anything not ISO 4217', () => {
    for (const code of ['BTC', 'ETH', 'USDT', 'USDC', 'XRP', 'FOO'])
      expect(isCryptoCurrency(code)).toBe(true);
    for (const code of ['USD', 'EUR', 'JPY', 'CHF', 'SGD', 'AED'])
      expect(isCryptoCurrency(code)).toBe(false);
  });

  it('checks each figure against its target, null when it could not be computed', () => {
    const figures: RealismFigures = {
      sameCurrencyShare: 0.95,
      cryptoAccounts: 0,
      medianBackgroundAmount: 600,
      backgroundShareAtLeast10k: 0.03,
      top1PercentReceiverShare: 0.2,
      busiestToMedianReceiver: 49,
      repeatedPairShare: 0.5,
      weekendToWeekdayRatio: 0.9,
      busiestDayOfMonthToMedian: 1.5,
      salaryCoverage: null,
    };
    const met = Object.fromEntries(checkRealism(figures).map((c) => [c.figure, c.met]));
    expect(met).toEqual({
      sameCurrencyShare: true,
      cryptoAccounts: true,
      medianBackgroundAmount: false,
      backgroundShareAtLeast10k: true,
      top1PercentReceiverShare: true,
      busiestToMedianReceiver: false,
      repeatedPairShare: true,
      weekendToWeekdayRatio: false,
      busiestDayOfMonthToMedian: true,
      salaryCoverage: null,
    });
  });
});

describe('economy figures on transfers with the new fields (amount_base, base_currency, purpose)', () => {
  function bank() {
    const figures = new BankFigures();
    figures.addAccount('ACC1', { currency: 'EUR', bank_country: 'DE' });
    figures.addAccount('ACC2', { currency: 'EUR', bank_country: 'DE' });
    figures.addAccount('ACC9', { currency: 'USD', bank_country: 'US' });
    figures.addAccount('ACC8', { currency: 'BTC', bank_country: 'US' });
    figures.addOwnership('PER1', 'ACC1');
    figures.addOwnership('PER2', 'ACC2');
    figures.addOwnership('COM1', 'ACC9');
    figures.addEmployment('PER1', 'COM1');
    figures.addEmployment('PER2', 'COM1');
    let n = 0;
    const transfer = (
      from: string,
      to: string,
      timestamp: string,
      fields: Record<string, unknown>,
      typologies?: string[],
    ) => {
      figures.addTransfer(
        {
          id: `TXN${n}`,
          from,
          to,
          properties: { transaction_id: `TXN${n++}`, timestamp, ...fields },
        },
        typologies,
      );
    };
    const salary = { purpose: 'salary', currency: 'USD', base_currency: 'USD' };
    for (const month of ['10', '11', '12']) {
      transfer('ACC9', 'ACC1', `2025-${month}-25T09:00:00.000Z`, {
        ...salary,
        amount: 3000,
        amount_base: 3000,
      });
      if (month !== '12')
        transfer('ACC9', 'ACC2', `2025-${month}-25T09:00:00.000Z`, {
          ...salary,
          amount: 2500,
          amount_base: 2500,
        });
    }
    const groceries = { purpose: 'groceries', currency: 'EUR', base_currency: 'USD' };
    for (let i = 0; i < 10; i++)
      transfer('ACC1', 'ACC2', `2025-11-0${(i % 9) + 1}T12:00:00.000Z`, {
        ...groceries,
        amount: 10 * (i + 1),
        amount_base: 11 * (i + 1),
      });
    transfer(
      'ACC2',
      'ACC8',
      '2025-12-31T23:00:00.000Z',
      {
        purpose: 'groceries',
        currency: 'EUR',
        base_currency: 'USD',
        amount: 20_000,
        amount_base: 22_000,
      },
      ['fraud_ring'],
    );
    return figures.result();
  }
  const result = bank();

  it('groups amounts by purpose, in amount_base, background and crime apart', () => {
    expect(result.amounts.field).toBe('amount_base');
    expect(result.amounts.baseCurrencies).toEqual(['USD']);
    expect(result.amounts.byPurpose.map((p) => p.purpose)).toEqual(['groceries', 'salary']);
    const groceries = result.amounts.byPurpose[0];
    expect(groceries?.background.count).toBe(10);
    expect(groceries?.background.median).toBe(60.5); // 11 × (5 + 6) / 2
    expect(groceries?.crime.count).toBe(1);
    expect(groceries?.crime.max).toBe(22_000);
    expect(result.amounts.crime.count).toBe(1);
    expect(result.realism.backgroundShareAtLeast10k).toBe(0);
  });

  it('computes the laundering rate, currencies, crypto accounts and salary coverage', () => {
    expect(result.laundering).toMatchObject({ transfers: 16, labelled: 1, rate: 1 / 16 });
    expect(result.laundering.byTypology).toEqual([
      { typology: 'fraud_ring', transfers: 1, rate: 1 / 16 },
    ]);
    // 5 salaries paid in USD from a USD account, 11 transfers in EUR from EUR accounts.
    expect(result.realism.sameCurrencyShare).toBe(1);
    expect(result.realism.cryptoAccounts).toBe(1);
    expect(result.cryptoCurrencies).toEqual({ BTC: 1 });
    // Window 2025-10-25 … 2025-12-31: November is the one whole month; both were paid then.
    expect(result.salary.months).toEqual(['2025-11']);
    expect(result.realism.salaryCoverage).toBe(1);
    expect(result.window).toEqual({
      start: '2025-10-25T09:00:00.000Z',
      end: '2025-12-31T23:00:00.000Z',
    });
  });

  it('falls back to amount, under purpose unknown, on transfers without the new fields', () => {
    const figures = new BankFigures();
    figures.addTransfer(
      {
        id: 'T1',
        from: 'A',
        to: 'B',
        properties: { amount: 70, timestamp: '2025-11-03T10:00:00.000Z' },
      },
      undefined,
    );
    const old = figures.result();
    expect(old.amounts.field).toBe('amount');
    expect(old.amounts.byPurpose.map((p) => p.purpose)).toEqual(['unknown']);
    expect(old.realism.medianBackgroundAmount).toBe(70);
    expect(old.realism.sameCurrencyShare).toBeNull();
    expect(old.realism.salaryCoverage).toBeNull();
  });
});
