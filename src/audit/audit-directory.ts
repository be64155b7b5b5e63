import type { OutputFormat } from '../config/index.js';
import { LABELS, VOCABULARY, isEdgeRecord, type GraphRecord } from '../model/index.js';
import type { GroundTruth } from '../sinks/sink.js';
import { isGroundTruthTable, readGroundTruth } from '../sources/ground-truth-reader.js';
import type { ManifestFile, OutputManifest } from '../sources/manifest.js';
import { readOutputDirectory } from '../sources/read-output-directory.js';
import { READERS } from '../sources/readers.js';
import { ActivityCounter } from './activity.js';
import { checkAuditInput } from './audit-input.js';
import type { AuditReport, LabelCount, PurposeAmounts } from './audit-report.js';
import { isCryptoCurrency } from './currencies.js';
import { distributionOf } from './distribution.js';
import { GrowableArray } from './growable-array.js';
import { InDegreeCounter } from './in-degree.js';
import { leakChecks } from './leak-checks.js';
import { LEAK_SAMPLE_LIMIT, LeakCollector, type FieldRole } from './leak-table.js';
import { PairRepeatCounter } from './pair-repeats.js';
import { checkRealism, type RealismFigures } from './realism-targets.js';
import { salaryCoverage, type SalaryPayment } from './salary-coverage.js';

export interface AuditOptions {
  /** Format to read when the directory holds several; default as `fingraph load --from`. */
  readonly format?: OutputFormat;
  /** Events per label above which unlabelled events are sampled for the leak table. */
  readonly leakSampleLimit?: number;
  readonly signal?: AbortSignal;
}

/** Event kinds that always get a leak table, labelled events or not. */
export const MAIN_EVENT_LABELS = ['transfer', 'communicated', 'trade', 'logged_in'] as const;

/** Transfers at or above this many base units count as large. */
export const LARGE_AMOUNT = 10_000;

interface AccountFacts {
  readonly currency: string;
  readonly country: string;
}

interface AmountGroups {
  readonly background: GrowableArray;
  readonly crime: GrowableArray;
}

/** Ground truth from the directory's manifest; empty when the run wrote none. */
async function groundTruthOf(
  root: string,
  manifest: OutputManifest,
  format: OutputFormat,
): Promise<GroundTruth> {
  const files: Partial<Record<'patterns' | 'event_labels', ManifestFile>> = {};
  for (const file of manifest.files)
    if (file.format === format && isGroundTruthTable(file.label)) files[file.label] = file;
  return readGroundTruth(READERS[format], root, files);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Audits an output directory written by `fingraph generate --out`: counts and laundering rates,
 * amount distributions per purpose, the in-degree distribution, activity on the local clock,
 * the realism figures beside the targets, salary coverage, and a leak table ranking how
 * well each field alone separates labelled from unlabelled events. Streams the records once, with
 * memory of about eight bytes per transfer for the amounts and pairs, plus the leak-table columns
 * (sampled above `leakSampleLimit` events per label).
 *
 * @example
 * const report = await auditDirectory('./output');
 * console.log(report.realism.medianBackgroundAmount, report.leaks[0]?.fields[0]);
 */
export async function auditDirectory(
  directory: string,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const { root, manifest, format } = await checkAuditInput(directory, options.format);
  const truth = await groundTruthOf(root, manifest, format);
  const source = await readOutputDirectory(root, { format, signal: options.signal });

  // Ground truth: which events are labelled, with which typologies.
  const labelled = new Map<string, Map<string, readonly string[]>>();
  for (const event of truth.eventLabels) {
    let ids = labelled.get(event.label);
    if (!ids) labelled.set(event.label, (ids = new Map<string, readonly string[]>()));
    ids.set(event.event_id, event.typologies);
  }
  const labelledOf = (label: string) => labelled.get(label) ?? new Map<string, readonly string[]>();
  const transferLabels = labelledOf('transfer');

  const leakLabels = LABELS.filter(
    (l) => (MAIN_EVENT_LABELS as readonly string[]).includes(l) || labelled.has(l),
  );
  const limit = options.leakSampleLimit ?? LEAK_SAMPLE_LIMIT;
  const collectors = new Map(
    leakLabels.map((label) => [
      label,
      new LeakCollector(
        label,
        Math.max(0, (manifest.counts[label] ?? 0) - labelledOf(label).size),
        limit,
      ),
    ]),
  );

  const records = new Map<string, number>();
  const accounts = new Map<string, AccountFacts>();
  const cryptoCurrencies: Record<string, number> = {};
  const accountsOf = new Map<string, string[]>();
  const employers = new Map<string, string[]>();
  const amounts = new Map<string, AmountGroups>();
  const typologyCounts = new Map<string, number>();
  const baseCurrencies = new Set<string>();
  const inDegree = new InDegreeCounter();
  const pairs = new PairRepeatCounter();
  const activity = new ActivityCounter();
  const payments: SalaryPayment[] = [];
  let transfers = 0;
  let labelledTransfers = 0;
  let withBase = 0;
  let sameCurrency = 0;
  let knownSender = 0;
  let first = Infinity;
  let last = -Infinity;

  const onTransfer = (record: GraphRecord & { outV: string; inV: string }) => {
    const props = record.properties as Readonly<Record<string, unknown>>;
    transfers++;
    const typologies = transferLabels.get(record.id);
    if (typologies) {
      labelledTransfers++;
      for (const t of new Set(typologies)) typologyCounts.set(t, (typologyCounts.get(t) ?? 0) + 1);
    }
    const base = number(props['amount_base']);
    if (base !== undefined) withBase++;
    const baseCurrency = text(props['base_currency']);
    if (baseCurrency !== undefined) baseCurrencies.add(baseCurrency);
    const value = base ?? number(props['amount']) ?? Number.NaN;
    const purpose = text(props['purpose']) ?? 'unknown';
    let groups = amounts.get(purpose);
    if (!groups)
      amounts.set(
        purpose,
        (groups = { background: new GrowableArray(), crime: new GrowableArray() }),
      );
    if (!Number.isNaN(value)) (typologies ? groups.crime : groups.background).push(value);

    const sender = accounts.get(record.outV);
    if (sender) {
      knownSender++;
      if (sender.currency === text(props['currency'])) sameCurrency++;
    }
    inDegree.add(record.inV);
    pairs.add(record.outV, record.inV);
    const ms = Date.parse(text(props['timestamp']) ?? '');
    if (Number.isFinite(ms)) {
      first = Math.min(first, ms);
      last = Math.max(last, ms);
      activity.add(ms, sender?.country ?? '');
      if (purpose === 'salary') payments.push({ from: record.outV, to: record.inV, utcMs: ms });
    }
  };

  const stream = source.batches();
  for (let next = await stream.next(); !next.done; next = await stream.next()) {
    for (const record of [...next.value.vertices, ...next.value.edges]) {
      records.set(record.label, (records.get(record.label) ?? 0) + 1);
      const props = record.properties as Readonly<Record<string, unknown>>;
      if (record.label === 'account') {
        const currency = text(props['currency']) ?? '';
        accounts.set(record.id, { currency, country: text(props['bank_country']) ?? '' });
        if (isCryptoCurrency(currency))
          cryptoCurrencies[currency] = (cryptoCurrencies[currency] ?? 0) + 1;
      } else if (isEdgeRecord(record)) {
        if (record.label === 'owns') {
          const list = accountsOf.get(record.outV);
          if (list) list.push(record.inV);
          else accountsOf.set(record.outV, [record.inV]);
        } else if (record.label === 'employed_by') {
          const list = employers.get(record.outV);
          if (list) list.push(record.inV);
          else employers.set(record.outV, [record.inV]);
        } else if (record.label === 'transfer') onTransfer(record);
      }
      const collector = collectors.get(record.label);
      if (collector) {
        const key = VOCABULARY[record.label].key;
        const roles: Record<string, FieldRole> = { [key]: 'id' };
        const fields = isEdgeRecord(record)
          ? { from_id: record.outV, to_id: record.inV, ...props }
          : props;
        if (isEdgeRecord(record)) roles['from_id'] = roles['to_id'] = 'endpoint';
        collector.add(record.id, labelledOf(record.label).has(record.id), fields, roles);
      }
    }
  }

  const all = (pick: (g: AmountGroups) => GrowableArray) => {
    const merged = new GrowableArray();
    for (const g of amounts.values()) for (const v of pick(g).values()) merged.push(v);
    return merged.values();
  };
  const backgroundAll = all((g) => g.background);
  const large = backgroundAll.reduce((n, v) => n + (v >= LARGE_AMOUNT ? 1 : 0), 0);
  const byPurpose: PurposeAmounts[] = [...amounts]
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
  const crime = distributionOf(Float64Array.from(all((g) => g.crime)));

  const degree = inDegree.result();
  const active = activity.result();
  const salary = salaryCoverage({
    employers,
    accountsOf,
    payments,
    windowStartMs: first,
    windowEndMs: last,
  });
  const realism: RealismFigures = {
    sameCurrencyShare: ratio(sameCurrency, knownSender),
    cryptoAccounts: Object.values(cryptoCurrencies).reduce((a, b) => a + b, 0),
    medianBackgroundAmount: background.median,
    backgroundShareAtLeast10k: ratio(large, backgroundAll.length),
    top1PercentReceiverShare: degree.top1PercentShare,
    busiestToMedianReceiver: degree.busiestToMedian,
    repeatedPairShare: pairs.repeatedShare(),
    weekendToWeekdayRatio: active.weekendToWeekdayRatio,
    busiestDayOfMonthToMedian: active.busiestDayOfMonthToMedian,
    salaryCoverage: salary.share,
  };
  const labels: LabelCount[] = LABELS.filter((l) => (records.get(l) ?? 0) > 0).map((label) => ({
    label,
    records: records.get(label) ?? 0,
    labelled: labelledOf(label).size,
  }));
  const leaks = [...collectors.values()].map((c) => c.table());
  return {
    directory: root,
    format,
    seed: manifest.seed,
    generatorVersion: manifest.version,
    window: {
      start: Number.isFinite(first) ? new Date(first).toISOString() : null,
      end: Number.isFinite(last) ? new Date(last).toISOString() : null,
    },
    labels,
    laundering: {
      transfers,
      labelled: labelledTransfers,
      rate: ratio(labelledTransfers, transfers) ?? 0,
      byTypology: [...typologyCounts]
        .map(([typology, n]) => ({ typology, transfers: n, rate: n / transfers }))
        .sort((a, b) => b.transfers - a.transfers || a.typology.localeCompare(b.typology)),
    },
    amounts: {
      field: withBase === transfers ? 'amount_base' : withBase === 0 ? 'amount' : 'mixed',
      baseCurrencies: [...baseCurrencies].sort(),
      background,
      crime,
      byPurpose,
    },
    inDegree: degree,
    activity: active,
    salary,
    cryptoCurrencies,
    realism,
    checks: checkRealism(realism),
    leaks,
    leakChecks: leakChecks(leaks, MAIN_EVENT_LABELS),
  };
}
