import { describe, expect, it } from 'vitest';
import type { GenerationConfig } from '../../../src/config/index.js';
import { ConfigError } from '../../../src/errors.js';
import { C_LEVEL_ROLES } from '../../../src/generators/patterns/insider-trading/insiders.js';
import type { EdgeRecord, GraphRecord, PatternTruth } from '../../../src/model/index.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, runWithTruth, withRole, type Run } from '../../helpers/patterns.js';

const DAY = 86_400_000;
const SUBTYPES = [
  'pre_announcement_trading',
  'coordinated_insider_trading',
  'executive_trading_pattern',
  'beneficial_owner_pattern',
  'tipping_pattern',
] as const;

/** Many companies, so listed ones with C-level officers holding accounts always exist. */
function configFor(seed: number, overrides: Record<string, unknown> = {}): GenerationConfig {
  return configOf('small', {
    seed,
    companyCount: 80,
    transactionCount: 300,
    communicationCount: 200,
    tradeCount: 200,
    documentCount: 100,
    loginCount: 100,
    travelCount: 50,
    insiderTradingPatterns: 10,
    ...overrides,
  });
}

/** The output's relationship edges, indexed for the checks. */
class Links {
  readonly officer = new Map<string, string>();
  readonly employee = new Set<string>();
  readonly shares = new Map<string, number>();
  readonly related = new Set<string>();
  readonly owner = new Map<string, string>();
  readonly accountType = new Map<string, string>();
  readonly ticker = new Map<string, string>();
  readonly billed = new Set<string>();
  readonly messages: EdgeRecord<'communicated'>[] = [];

  constructor(records: readonly GraphRecord[]) {
    for (const r of records) {
      switch (r.label) {
        case 'officer_of':
          this.officer.set(`${r.outV}>${r.inV}`, r.properties.role);
          break;
        case 'employed_by':
          this.employee.add(`${r.outV}>${r.inV}`);
          break;
        case 'holds_share':
          this.shares.set(`${r.outV}>${r.inV}`, r.properties.percentage);
          break;
        case 'related_to':
          this.related.add(`${r.outV}>${r.inV}`).add(`${r.inV}>${r.outV}`);
          break;
        case 'account':
          this.owner.set(r.id, r.properties.owner_id);
          this.accountType.set(r.id, r.properties.account_type);
          break;
        case 'company':
          if (r.properties.stock_ticker !== null) this.ticker.set(r.id, r.properties.stock_ticker);
          break;
        case 'billed_to':
          this.billed.add(r.id);
          break;
        case 'communicated':
          this.messages.push(r);
          break;
        default:
          break;
      }
    }
  }

  /** Officer or employee of the company. */
  worksAt(person: string, company: string): boolean {
    return this.officer.has(`${person}>${company}`) || this.employee.has(`${person}>${company}`);
  }

  linked(person: string, company: string): boolean {
    return this.worksAt(person, company) || this.shares.has(`${person}>${company}`);
  }
}

interface Checked {
  readonly trades: EdgeRecord<'trade'>[];
  readonly traders: string[];
  readonly issuer: string;
  readonly messages: EdgeRecord<'communicated'>[];
}

/**
 * The defining invariant, from the emitted records: every trade is in the issuer's instrument,
 * inside [announcement − window, announcement), on the profitable side, and made by someone linked
 * to the issuer or after a message from such a person.
 */
function checkInvariant(run: Run, links: Links, pattern: PatternTruth): Checked {
  const events = eventsOf(run, pattern);
  const [announcement] = events['document'] ?? [];
  expect(announcement?.label).toBe('document');
  if (announcement?.label !== 'document') throw new Error('no announcement');
  const doc = announcement.properties;
  expect(doc.document_type).toBe('announcement');
  expect(doc.recipient_id).toBeNull();
  expect(links.billed.has(announcement.id), 'an announcement has no billed_to edge').toBe(false);
  const issuer = doc.issuer_id;
  expect(withRole(pattern, 'issuer')).toEqual([issuer]);
  const ticker = links.ticker.get(issuer);
  expect(ticker, 'the issuer is listed').toBeDefined();
  const [item] = doc.line_items as { category: string }[];
  const goodNews = item?.category === 'good_news';
  expect(item?.category).toMatch(/^(good|bad)_news$/);
  const atMs = Date.parse(doc.issue_date);
  const windowMs = (pattern.parameters as { days_before_announcement: number })
    .days_before_announcement;
  const trades = (events['trade'] ?? []) as EdgeRecord<'trade'>[];
  const messages = (events['communicated'] ?? []) as EdgeRecord<'communicated'>[];
  expect(trades.length).toBeGreaterThanOrEqual(2);
  let total = 0;
  const traders: string[] = [];
  for (const trade of trades) {
    const t = Date.parse(trade.properties.timestamp);
    expect(trade.inV).toBe(issuer);
    expect(trade.properties.symbol.startsWith(ticker as string)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(atMs - windowMs * DAY);
    expect(t).toBeLessThan(atMs);
    expect(trade.properties.side).toBe(goodNews ? 'buy' : 'sell');
    const trader = links.owner.get(trade.outV) as string;
    expect(trade.properties.trader_id, 'traded from their own account').toBe(trader);
    expect(pattern.added_entities, 'an investment account opened for the trader').toContain(
      trade.outV,
    );
    expect(links.accountType.get(trade.outV)).toBe('investment');
    const tippedBy = links.messages.filter(
      (m) =>
        m.inV === trader &&
        Date.parse(m.properties.timestamp) < t &&
        links.worksAt(m.outV, issuer) &&
        messages.includes(m),
    );
    expect(
      links.linked(trader, issuer) || tippedBy.length > 0,
      `${trade.id}: the trader is linked to ${issuer} or was tipped by someone who is`,
    ).toBe(true);
    if (!traders.includes(trader)) traders.push(trader);
    total += trade.properties.total_value;
  }
  expect(pattern.total_value).toBeCloseTo(total, 1);
  return { trades, traders, issuer, messages };
}

const runs = new Map<number, Promise<{ run: Run; links: Links; config: GenerationConfig }>>();
function runFor(seed: number) {
  let run = runs.get(seed);
  if (run === undefined) {
    const config = configFor(seed);
    run = runWithTruth(config).then((r) => ({ run: r, links: new Links(r.records), config }));
    runs.set(seed, run);
  }
  return run;
}

const SHAPES: Record<
  (typeof SUBTYPES)[number],
  (c: Checked, links: Links, config: GenerationConfig, pattern: PatternTruth) => void
> = {
  pre_announcement_trading: ({ trades, traders, issuer }, links) => {
    expect(traders).toHaveLength(1);
    expect(links.worksAt(traders[0] as string, issuer)).toBe(true);
    for (let k = 1; k < trades.length; k++) {
      const previous = trades[k - 1] as EdgeRecord<'trade'>;
      const trade = trades[k] as EdgeRecord<'trade'>;
      expect(Date.parse(trade.properties.timestamp)).toBeGreaterThan(
        Date.parse(previous.properties.timestamp),
      );
      expect(trade.properties.quantity, 'sizes grow towards the date').toBeGreaterThan(
        previous.properties.quantity,
      );
    }
  },
  coordinated_insider_trading: ({ trades, traders, issuer }, links, config) => {
    expect(traders.length).toBeGreaterThanOrEqual(2);
    for (const trader of traders) expect(links.worksAt(trader, issuer)).toBe(true);
    const times = trades.map((t) => Date.parse(t.properties.timestamp));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(
      config.insiderCoordinationHours * 3_600_000,
    );
    expect(new Set(trades.map((t) => t.properties.side)).size).toBe(1);
  },
  executive_trading_pattern: ({ trades, traders, issuer }, links) => {
    expect(traders).toHaveLength(1);
    const role = links.officer.get(`${traders[0]}>${issuer}`);
    expect(C_LEVEL_ROLES.has(role ?? ''), `officer role ${role}`).toBe(true);
    expect(trades[0]?.properties.asset_type).toBe('stock');
    expect(trades[0]?.properties.quantity).toBeGreaterThanOrEqual(5_000);
    const options = trades.filter((t) => t.properties.asset_type === 'option');
    expect(options.length).toBeGreaterThanOrEqual(1);
    // calls: bought before good news, written before bad
    for (const option of options) expect(option.properties.symbol.at(-9)).toBe('C');
  },
  beneficial_owner_pattern: ({ traders, issuer }, links, _config, pattern) => {
    expect(traders).toHaveLength(1);
    const stake = links.shares.get(`${traders[0]}>${issuer}`);
    expect(stake).toBeGreaterThanOrEqual(5);
    expect(stake).toBeLessThanOrEqual(10);
    expect(links.worksAt(traders[0] as string, issuer)).toBe(false);
    expect(withRole(pattern, 'beneficial_owner')).toEqual(traders);
  },
  tipping_pattern: ({ trades, traders, issuer, messages }, links, _config, pattern) => {
    expect(traders).toHaveLength(1);
    const tippee = traders[0] as string;
    const [tipper] = withRole(pattern, 'tipper');
    expect(links.worksAt(tipper as string, issuer)).toBe(true);
    expect(links.worksAt(tippee, issuer), 'the tippee is no insider').toBe(false);
    expect(links.related.has(`${tipper}>${tippee}`)).toBe(true);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    const firstTip = Math.min(...messages.map((m) => Date.parse(m.properties.timestamp)));
    for (const m of messages) {
      expect(m.outV).toBe(tipper);
      expect(m.inV).toBe(tippee);
    }
    for (const t of trades) expect(Date.parse(t.properties.timestamp)).toBeGreaterThan(firstTip);
  },
};

describe('insider trading', () => {
  for (const seed of randomSeeds(3)) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}: trades in the issuer before its announcement, on the profitable side, by or after an insider (seed ${seed})`, async () => {
        const { run, links, config } = await runFor(seed);
        const patterns = run.truth.patterns.filter(
          (p) => p.typology === 'insider_trading' && p.subtype === subtype,
        );
        expect(patterns).toHaveLength(2);
        for (const pattern of patterns)
          SHAPES[subtype](checkInvariant(run, links, pattern), links, config, pattern);
      });
    }
  }

  it('look-alikes: announcements and trades by outsiders, without labels', async () => {
    const { run, links } = await runFor(randomSeeds(1)[0] as number);
    const real = run.truth.patterns.filter((p) => p.typology === 'insider_trading');
    const labelled = new Set(run.truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
    const announcements = run.records.filter(
      (r) => r.label === 'document' && r.properties.document_type === 'announcement',
    );
    expect(announcements.length).toBeGreaterThan(real.length);
    const unlabelled = announcements.filter((a) => !labelled.has(`document:${a.id}`));
    expect(unlabelled.length).toBe(Math.round(real.length * 0.5));
    for (const a of unlabelled) {
      if (a.label !== 'document') continue;
      const issuer = a.properties.issuer_id;
      const at = Date.parse(a.properties.issue_date);
      // Unlabelled trades in its stock precede it: the look-alike's own.
      const before = run.records.filter(
        (r): r is EdgeRecord<'trade'> =>
          r.label === 'trade' &&
          r.inV === issuer &&
          !labelled.has(`trade:${r.id}`) &&
          Date.parse(r.properties.timestamp) < at &&
          Date.parse(r.properties.timestamp) >= at - 30 * DAY,
      );
      expect(before.length).toBeGreaterThanOrEqual(1);
    }
    expect(links.ticker.size).toBeGreaterThan(0);
  });

  it('tips carry watch-list phrases only at the background rate: never at 0, always at 1', async () => {
    for (const rate of [0, 1]) {
      const run = await runWithTruth(configFor(7, { suspiciousCommunicationRate: rate }));
      const tips = run.truth.patterns
        .filter((p) => p.typology === 'insider_trading')
        .flatMap((p) => (eventsOf(run, p)['communicated'] ?? []) as EdgeRecord<'communicated'>[]);
      expect(tips.length).toBeGreaterThan(0);
      for (const tip of tips)
        expect(tip.properties.suspicious_keywords.length > 0, tip.id).toBe(rate === 1);
    }
  });

  it('trades outside the executive block are sized as the background sizes them', async () => {
    const { run } = await runFor(randomSeeds(1)[0] as number);
    for (const pattern of run.truth.patterns) {
      if (pattern.typology !== 'insider_trading') continue;
      const trades = (eventsOf(run, pattern)['trade'] ?? []) as EdgeRecord<'trade'>[];
      trades.forEach((trade, k) => {
        if (pattern.subtype === 'executive_trading_pattern' && k === 0) return;
        const { asset_type: asset, quantity } = trade.properties;
        // Background bands: stock 1–100 000 shares, options 1–1 000 contracts; sizes that only
        // grow may step one share past a tie.
        expect(quantity).toBeGreaterThanOrEqual(1);
        expect(quantity).toBeLessThanOrEqual(asset === 'option' ? 1_000 : 100_000 + 10);
      });
    }
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    [
      'insider_max_days_before',
      { insiderMinDaysBefore: 10, insiderMaxDaysBefore: 5 },
      /insider_max_days_before: 5 must be ≥ insider_min_days_before \(10\)/,
    ],
    ['insider_min_trades', { insiderMinTrades: 1 }, /insider_min_trades: 1 must be ≥ 2/],
    [
      'insider_max_trades',
      { insiderMinTrades: 6, insiderMaxTrades: 4 },
      /insider_max_trades: 4 must be ≥ insider_min_trades \(6\)/,
    ],
    [
      'insider_coordination_hours',
      { insiderCoordinationHours: 24, insiderMinDaysBefore: 1 },
      /insider_coordination_hours: 24 must be shorter than the shortest trading window/,
    ],
    [
      'duration_days',
      { durationDays: 20, insiderMaxDaysBefore: 30 },
      /duration_days: 20 is shorter than insider trading needs/,
    ],
    [
      'insider_trading_patterns (no listed issuer)',
      { tradeCount: 0 },
      /insider_trading_patterns: 3 needs a listed issuer/,
    ],
  ];
  for (const [name, overrides, message] of invalid) {
    it(`rejects ${name}`, () => {
      const config = configOf('tiny', { insiderTradingPatterns: 3, ...overrides });
      expect(() => planRun(config)).toThrow(ConfigError);
      expect(() => planRun(config)).toThrow(message);
    });
  }
});
