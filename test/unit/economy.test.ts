import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditDirectory } from '../../src/audit/audit-directory.js';
import type { AuditReport } from '../../src/audit/audit-report.js';
import { randomSeeds } from '../helpers/collect.js';
import { resolveConfig } from '../../src/config/index.js';
import { runCli } from '../helpers/cli.js';
import { planRun } from '../../src/orchestration/plan.js';
import type { GenerationConfig } from '../../src/config/index.js';

/*
 * What issue #13 asks the background economy to look like, read back from the files by
 * `fingraph audit` (the same figures a user sees), on the complete preset and random seeds.
 */

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-economy-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The output directory of `fingraph generate` for a preset and seed, generated once. */
function generatedDir(preset: string, seed: number): string {
  const out = join(scratch, `${preset}-${seed}`);
  if (!generatedDirs.has(out)) {
    const generated = runCli([
      'generate',
      '--preset',
      preset,
      '--seed',
      String(seed),
      '--out',
      out,
      '-q',
    ]);
    expect(generated.status, generated.stderr).toBe(0);
    generatedDirs.add(out);
  }
  return out;
}
const generatedDirs = new Set<string>();

async function audited(preset: string, seed: number): Promise<AuditReport> {
  return auditDirectory(generatedDir(preset, seed));
}

async function jsonl(path: string): Promise<Record<string, unknown>[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Each transfer's (payer holder kind, payee holder kind, purpose), e.g. `person>company
 * card_purchase`, counted apart for crime transfers and the rest.
 */
async function purposeCombinations(
  dir: string,
): Promise<{ crime: Map<string, number>; background: Map<string, number> }> {
  const kind = new Map<string, string>();
  for (const a of await jsonl(join(dir, 'accounts.jsonl')))
    kind.set(a['account_id'] as string, a['owner_type'] as string);
  const crimes = new Set<string>();
  for (const l of await jsonl(join(dir, 'ground_truth', 'event_labels.jsonl')))
    if (l['label'] === 'transfer') crimes.add(l['event_id'] as string);
  const crime = new Map<string, number>();
  const background = new Map<string, number>();
  for (const t of await jsonl(join(dir, 'transfers.jsonl'))) {
    const from = kind.get(t['from_id'] as string) ?? '?';
    const to = kind.get(t['to_id'] as string) ?? '?';
    const key = `${from}>${to} ${t['purpose'] as string}`;
    const counts = crimes.has(t['transaction_id'] as string) ? crime : background;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { crime, background };
}

describe('background economy', () => {
  for (const seed of randomSeeds(2)) {
    it(`complete preset, seed ${seed}: every realism target of the issue is met`, async () => {
      const report = await audited('complete', seed);
      const r = report.realism;
      expect(r.sameCurrencyShare).toBeGreaterThanOrEqual(0.9);
      expect(r.cryptoAccounts).toBe(0);
      expect(r.medianBackgroundAmount).toBeGreaterThanOrEqual(20);
      expect(r.medianBackgroundAmount).toBeLessThanOrEqual(500);
      expect(r.backgroundShareAtLeast10k).toBeLessThanOrEqual(0.03);
      expect(r.top1PercentReceiverShare).toBeGreaterThanOrEqual(0.2);
      expect(r.busiestToMedianReceiver).toBeGreaterThanOrEqual(50);
      expect(r.repeatedPairShare).toBeGreaterThanOrEqual(0.4);
      expect(r.weekendToWeekdayRatio).toBeGreaterThanOrEqual(0.3);
      expect(r.weekendToWeekdayRatio).toBeLessThanOrEqual(0.8);
      expect(r.busiestDayOfMonthToMedian).toBeGreaterThanOrEqual(1.5);
      expect(r.salaryCoverage, 'employed persons paid by their employer every month').toBe(1);
      // The same verdicts as the audit prints.
      for (const check of report.checks) expect(check.met, check.figure).toBe(true);

      // No field but the amount tells crime transfers from the rest beyond 0.70 (rank AUC, the
      // field alone), the amount itself at most 0.85: the leak targets. Over 36 seeds
      // the largest were description 0.694, purpose 0.687, transaction_type 0.633, amount_base
      // 0.765 (means 0.654 and 0.657, spread 0.02); a random seed is checked against 0.72, the
      // target with room for that spread, so the test fails on a regression, not on a draw.
      const transfer = report.leaks.find((t) => t.label === 'transfer');
      expect(transfer?.fields.length).toBeGreaterThan(20);
      // The fields the issue found leaking stay under the target itself: the bank's risk score,
      // fees, status, conversions (0.50–0.60 over seeds).
      const auc = (field: string) => transfer?.fields.find((f) => f.field === field)?.auc ?? 1;
      for (const field of [
        'risk_score',
        'fee_amount',
        'status',
        'currency_local',
        'exchange_rate',
        'is_flagged',
      ])
        expect(auc(field), field).toBeLessThanOrEqual(0.7);
      const AMOUNT = new Set(['amount', 'amount_base', 'amount_local', 'fee_amount']);
      // An instance draws its market as any customer's, but a run holds only about fifty
      // instances, so the market mix of the crimes wanders from the bank's by chance: over seeds
      // these measured 0.50–0.73 (the issue found 0.85–0.88).
      const MARKET = new Set(['currency', 'originating_country', 'destination_country']);
      for (const field of transfer?.fields ?? []) {
        if (field.role !== 'property' || field.auc === null) continue;
        const limit = AMOUNT.has(field.field) ? 0.85 : MARKET.has(field.field) ? 0.78 : 0.72;
        expect(field.auc, field.field).toBeLessThanOrEqual(limit);
      }
    });

    it(`complete preset, seed ${seed}: every crime transfer is a kind of payment honest customers make between the same kinds of holder`, async () => {
      // A purpose the background never uses between a payer and a payee of these kinds (a card
      // purchase paid into a person's account, a payout between companies) would name the crime
      // outright, whatever the rest of the transfer looks like.
      const { crime, background } = await purposeCombinations(generatedDir('complete', seed));
      expect(crime.size).toBeGreaterThan(0);
      const onlyInCrimes = [...crime.keys()].filter((key) => !background.has(key));
      expect(onlyInCrimes).toEqual([]);
    });
  }
});

/** The share of transfers that carry a crime label, from the plan (its drafts are what is emitted). */
function planRate(config: GenerationConfig): number {
  const labelled = planRun(config)
    .patterns.instances.filter((i) => !i.lookAlike)
    .reduce((sum, i) => sum + (i.draft.events.transfer ?? 0), 0);
  return labelled / (labelled + config.transactionCount);
}

describe('laundering rate', () => {
  for (const seed of randomSeeds(3)) {
    it(`aml-hi and aml-li hit AMLworld's 1/900 and 1/1,900 within ±10 %, every typology present (seed ${seed})`, () => {
      for (const [preset, rate] of [
        ['aml-hi', 1 / 900],
        ['aml-li', 1 / 1_900],
      ] as const) {
        // The preset as a user gets it (configOf would zero its typology counts).
        const config = resolveConfig({ preset, layers: [{ source: 'flag', values: { seed } }] });
        expect(planRate(config) / rate, preset).toBeGreaterThan(0.9);
        expect(planRate(config) / rate, preset).toBeLessThan(1.1);
        const typologies = new Set(
          planRun(config)
            .patterns.instances.filter((i) => !i.lookAlike)
            .map((i) => i.typology.name),
        );
        expect(typologies.size, preset).toBe(15);
      }
    });
  }

  it('--laundering-rate: the files carry that share of labelled transfers (±10 %)', async () => {
    const seed = randomSeeds(1)[0] as number;
    const out = join(scratch, `rate-${seed}`);
    const generated = runCli([
      'generate',
      '--preset',
      'complete',
      '--seed',
      String(seed),
      // Above the least one instance of each typology moves on `complete` (about 0.65 %).
      '--laundering-rate',
      '0.01',
      '--out',
      out,
      '-q',
    ]);
    expect(generated.status, generated.stderr).toBe(0);
    const report = await auditDirectory(out);
    expect(report.laundering.rate / 0.01).toBeGreaterThan(0.9);
    expect(report.laundering.rate / 0.01).toBeLessThan(1.1);
  });

  it('a rate that one instance of each typology already exceeds is refused, naming the field', () => {
    const result = runCli([
      'generate',
      '--preset',
      'small',
      '--laundering-rate',
      '0.00001',
      '--out',
      join(scratch, 'refused'),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/laundering_rate.*0\.00001.*transaction_count/);
  });
});
