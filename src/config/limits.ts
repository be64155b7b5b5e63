import type { OptionDescriptor } from './option.js';

/** The largest value an option takes, and why: the message of a value above it says so. */
export interface Limit {
  readonly max: number;
  readonly reason: string;
}

/**
 * Background events per label. The plan holds one work unit per 1,000 events of every label
 * (10^8 → 10^5 units, about 100 MiB and half a second of planning), so this keeps planning short
 * and its memory bounded; at the measured rate it is also hours of generation per label.
 */
const EVENT_LIMIT: Limit = {
  max: 100_000_000,
  reason: 'the largest event count a run plans, at one work unit per 1,000 events',
};

/**
 * Entities per label. Later stages reference the population through an in-memory index (about
 * 0.5 KiB per person or company, 0.1 KiB per account or device, measured), which must fit V8's
 * default heap of about 4 GiB.
 */
const PARTY_LIMIT: Limit = {
  max: 2_000_000,
  reason: 'the largest population the in-memory index of persons and companies holds',
};
const ACCOUNT_LIMIT: Limit = {
  max: 10_000_000,
  reason: 'the largest population the in-memory index of accounts and devices holds',
};

/** Instances per typology: each is drafted, and its events held, in memory before they are written. */
const PATTERN_LIMIT: Limit = {
  max: 1_000,
  reason: 'the most instances of one typology a run plans',
};

const BY_NAME: Readonly<Record<string, Limit>> = {
  personCount: PARTY_LIMIT,
  companyCount: PARTY_LIMIT,
  accountCount: ACCOUNT_LIMIT,
  deviceCount: ACCOUNT_LIMIT,
  transactionCount: EVENT_LIMIT,
  communicationCount: EVENT_LIMIT,
  tradeCount: EVENT_LIMIT,
  travelCount: EVENT_LIMIT,
  documentCount: EVENT_LIMIT,
  loginCount: EVENT_LIMIT,
  durationDays: { max: 36_525, reason: 'a century of events' },
  batchSize: { max: 1_000_000, reason: 'the largest batch handed to the sinks' },
  numWorkers: { max: 64, reason: 'the most worker threads a run starts' },
};

/**
 * Sizes of one typology instance (members, trades, hops, days, hours…): large enough for any
 * realistic crime, small enough that instances × size stays plannable.
 */
const SIZE_LIMIT: Limit = { max: 100_000, reason: 'the largest size of one typology instance' };

/** The upper bound of a numeric option; every count and size has one. */
export function limitOf(d: OptionDescriptor): Limit | undefined {
  const named = BY_NAME[d.name];
  if (named !== undefined) return named;
  if (d.type === 'count') return d.name.endsWith('Patterns') ? PATTERN_LIMIT : EVENT_LIMIT;
  if (d.type === 'positive') return SIZE_LIMIT;
  return undefined;
}
