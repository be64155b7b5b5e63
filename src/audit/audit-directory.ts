import type { TableFormat } from '../config/index.js';
import { LABELS, VOCABULARY, isEdgeRecord, type GroundTruth } from '../model/index.js';
import { isGroundTruthTable, readGroundTruth } from '../sources/ground-truth-reader.js';
import type { ManifestFile, OutputManifest } from '../output/index.js';
import { readOutputDirectory } from '../sources/read-output-directory.js';
import { READERS } from '../sources/readers.js';
import { checkAuditInput } from './audit-input.js';
import type { AuditReport, LabelCount } from './audit-report.js';
import { BankFigures } from './economy-figures.js';
import { leakChecks } from './leak-checks.js';
import { LEAK_SAMPLE_LIMIT, LeakCollector, type FieldRole } from './leak-table.js';
import { checkRealism } from './realism-targets.js';

/** Options of {@link auditDirectory}. */
export interface AuditOptions {
  /** Format to read when the directory holds several; default as `fingraph load --from`. */
  readonly format?: TableFormat;
  /** Events per label above which unlabelled events are sampled for the leak table. */
  readonly leakSampleLimit?: number;
  readonly signal?: AbortSignal;
}

/** Event kinds that always get a leak table, labelled events or not. */
export const MAIN_EVENT_LABELS = ['transfer', 'communicated', 'trade', 'logged_in'] as const;

/** Ground truth from the directory's manifest; empty when the run wrote none. */
async function groundTruthOf(
  root: string,
  manifest: OutputManifest,
  format: TableFormat,
): Promise<GroundTruth> {
  const files: Partial<Record<'patterns' | 'event_labels', ManifestFile>> = {};
  for (const file of manifest.files)
    if (file.format === format && isGroundTruthTable(file.label)) files[file.label] = file;
  return readGroundTruth(READERS[format], root, files);
}

/**
 * Audits an output directory written by `fingraph generate --out`: counts and laundering rates,
 * amount distributions per purpose, the in-degree distribution, activity on the local clock,
 * the realism figures beside the targets, salary coverage, and a leak table ranking how
 * well each field alone separates labelled from unlabelled events. Streams the records once, with
 * memory of about sixteen bytes per transfer for the amounts and pairs, plus the leak-table
 * columns (sampled above `leakSampleLimit` events per label).
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
  // The crime instance of each labelled event: the leak table's folds keep an instance together.
  const instanceOf = new Map<string, string>();
  for (const event of truth.eventLabels) {
    instanceOf.set(`${event.label}:${event.event_id}`, event.pattern_ids[0] ?? event.event_id);
    let ids = labelled.get(event.label);
    if (!ids) labelled.set(event.label, (ids = new Map<string, readonly string[]>()));
    ids.set(event.event_id, event.typologies);
  }
  const labelledOf = (label: string) => labelled.get(label) ?? new Map<string, readonly string[]>();
  const transferLabels = labelledOf('transfer');

  // The main event kinds first, then every other label the ground truth labels events of.
  const leakLabels = [
    ...MAIN_EVENT_LABELS,
    ...LABELS.filter(
      (l) => labelled.has(l) && !(MAIN_EVENT_LABELS as readonly string[]).includes(l),
    ),
  ];
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
  const bank = new BankFigures();
  const stream = source.batches();
  for (let next = await stream.next(); !next.done; next = await stream.next()) {
    for (const record of [...next.value.vertices, ...next.value.edges]) {
      records.set(record.label, (records.get(record.label) ?? 0) + 1);
      const props = record.properties as Readonly<Record<string, unknown>>;
      if (record.label === 'account') bank.addAccount(record.id, props);
      else if (record.label === 'owns') bank.addOwnership(record.outV, record.inV);
      else if (record.label === 'employed_by') bank.addEmployment(record.outV, record.inV);
      else if (record.label === 'transfer')
        bank.addTransfer(
          { id: record.id, from: record.outV, to: record.inV, properties: props },
          transferLabels.get(record.id),
        );
      const collector = collectors.get(record.label);
      if (collector) {
        const roles: Record<string, FieldRole> = { [VOCABULARY[record.label].key]: 'id' };
        let fields = props;
        if (isEdgeRecord(record)) {
          fields = { from_id: record.outV, to_id: record.inV, ...props };
          roles['from_id'] = roles['to_id'] = 'endpoint';
        }
        collector.add(
          record.id,
          labelledOf(record.label).has(record.id),
          fields,
          roles,
          instanceOf.get(`${record.label}:${record.id}`),
        );
      }
    }
  }

  const figures = bank.result();
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
    labels,
    ...figures,
    checks: checkRealism(figures.realism),
    leaks,
    leakChecks: leakChecks(leaks, MAIN_EVENT_LABELS),
  };
}
