// A generation worker thread: runs its share of the run's units and posts their output, encoded
// for the file sinks, to the coordinator (parallel-batches.ts). Started with a WorkerSetup.
import { parentPort, workerData } from 'node:worker_threads';
import {
  isEdgeRecord,
  type AnyEdgeRecord,
  type AnyVertexRecord,
  type EncodedRows,
  type GraphRecord,
  type Label,
  type TextFormat,
} from '../../model/index.js';
import { encodeRecords } from '../../sinks/files/text-encoding.js';
import { planRun } from '../plan.js';
import { UnitGenerator } from '../unit-generator.js';
import { scheduleUnits, type ScheduledUnit } from '../work-units.js';
import type { FromWorker, ToWorker, UnitOutput, WorkerSetup } from './messages.js';

if (parentPort === null) throw new Error('generation-worker.js runs as a worker thread only');
const port = parentPort;
const setup = workerData as WorkerSetup;

/** Population units of other workers, by seq, as they arrive. */
const observed = new Map<number, string>();
let observedArrived: (() => void) | undefined;
let credits = setup.window;
let creditArrived: (() => void) | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'credit') {
    credits++;
    creditArrived?.();
  } else {
    observed.set(message.seq, message.groups);
    observedArrived?.();
  }
});

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function waitForCredit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credits--;
}

async function waitForObserved(seq: number): Promise<string> {
  for (;;) {
    const groups = observed.get(seq);
    if (groups !== undefined) {
      observed.delete(seq);
      return groups;
    }
    await new Promise<void>((resolve) => (observedArrived = resolve));
  }
}

const utf8 = new TextEncoder();

/**
 * What the sinks receive for one unit: UTF-8 rows per format and label, and records if asked.
 * The byte buffers go into `transfer`, so posting moves them instead of copying.
 */
function outputOf(
  groups: readonly (readonly GraphRecord[])[],
  transfer: ArrayBuffer[],
): UnitOutput {
  const byLabel = new Map<Label, GraphRecord[]>();
  const vertices: AnyVertexRecord[] = [];
  const edges: AnyEdgeRecord[] = [];
  for (const records of groups) {
    for (const record of records) {
      const list = byLabel.get(record.label);
      if (list === undefined) byLabel.set(record.label, [record]);
      else list.push(record);
      if (!setup.records) continue;
      if (isEdgeRecord(record)) edges.push(record);
      else vertices.push(record);
    }
  }
  const encoded: Partial<Record<TextFormat, Partial<Record<Label, EncodedRows>>>> = {};
  for (const format of setup.textFormats) {
    const rows: Partial<Record<Label, EncodedRows>> = {};
    for (const [label, records] of byLabel) {
      const bytes = utf8.encode(encodeRecords(format, records, setup.config.withLabels));
      transfer.push(bytes.buffer);
      rows[label] = { bytes, rows: records.length };
    }
    encoded[format] = rows;
  }
  const counts: Partial<Record<Label, number>> = {};
  for (const [label, records] of byLabel) counts[label] = records.length;
  return { vertices, edges, encoded, counts };
}

async function postUnit(unit: ScheduledUnit, groups: readonly (readonly GraphRecord[])[]) {
  const transfer: ArrayBuffer[] = [];
  const message: FromWorker = {
    type: 'unit',
    seq: unit.seq,
    ...(unit.role === 'population' && setup.workers > 1
      ? { observed: JSON.stringify(groups) }
      : {}),
    ...(unit.emitted ? { batch: outputOf(groups, transfer) } : {}),
  };
  await waitForCredit();
  post(message, transfer);
}

/**
 * Runs the schedule stage by stage. In a population stage a worker generates its own units first
 * and only then observes every unit of the stage in order, its own and the others', so the
 * population index is built exactly as the sequential run builds it.
 */
async function run(): Promise<void> {
  const plan = planRun(setup.config);
  const generator = new UnitGenerator(plan);
  const units = scheduleUnits(plan, setup.workers, setup.emitted);
  let position = 0;
  while (position < units.length) {
    const first = units[position] as ScheduledUnit;
    let end = position;
    while (end < units.length && (units[end] as ScheduledUnit).stage === first.stage) end++;
    const stage = units.slice(position, end);
    position = end;
    const mine = new Map<number, (readonly GraphRecord[])[]>();
    for (const unit of stage) {
      if (unit.role !== 'patterns' && unit.worker !== setup.worker) continue;
      const groups = generator.generate(unit);
      if (unit.role === 'population') mine.set(unit.seq, groups);
      if (unit.worker === setup.worker) await postUnit(unit, groups);
    }
    if (first.role !== 'population') continue;
    for (const unit of stage) {
      const groups =
        mine.get(unit.seq) ??
        (JSON.parse(await waitForObserved(unit.seq)) as (readonly GraphRecord[])[]);
      generator.observe(groups);
    }
  }
  post({ type: 'done', groundTruth: generator.groundTruth() });
}

run().catch((error: unknown) => {
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
  });
});
