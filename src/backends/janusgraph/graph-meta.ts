import { ConfigError, SinkError } from '../../errors.js';
import {
  describeDataset,
  markerOf,
  parseMarker,
  sameDataset,
  type DatasetIdentity,
  type DatasetMarker,
} from '../dataset.js';
import { delayFor, sleep, type RetryPolicy } from '../retry-policy.js';
import type { JanusGraphConnection } from './connection.js';
import { scriptResultObject } from './script-result.js';

/**
 * fingraph's bookkeeping in the graph: one vertex (label `fingraph_meta`, id FINGRAPHMETA) that
 * holds which dataset the graph holds and the leases of the loaders writing to it. It is not part
 * of the model: queries over fingraph's labels never see it.
 */
export const META_LABEL = 'fingraph_meta';
const META_ID = 'FINGRAPHMETA';

const META_SCHEMA_SCRIPT = `
def mgmt = graph.openManagement()
try {
  def made = false
  if (mgmt.getVertexLabel('${META_LABEL}') == null) { mgmt.makeVertexLabel('${META_LABEL}').make(); made = true }
  ['fingraph_dataset', 'fingraph_leases'].each {
    if (mgmt.getPropertyKey(it) == null) {
      mgmt.makePropertyKey(it).dataType(String.class).cardinality(org.janusgraph.core.Cardinality.SINGLE).make()
      made = true
    }
  }
  if (made) mgmt.commit() else mgmt.rollback()
} catch (e) {
  mgmt.rollback()
  throw e
}
0
`;

/*
 * Leases are read and written under one JVM-wide monitor of the Gremlin Server, so two loaders
 * that ask at the same moment are answered one after the other (JanusGraph's own locking is off
 * under storage.batch-loading). The expiry is the server's clock: a killed loader's lease lapses
 * on its own. Two leases conflict unless both are different parts of the same sharded load; a
 * loader that clears the graph conflicts with every other (it would delete their work).
 */
const LEASE_SCRIPT = `
import org.apache.tinkerpop.gremlin.structure.T
def monitor = System.getProperties().computeIfAbsent('fingraph.graph-meta.monitor', { k -> new Object() })
synchronized (monitor) {
  def now = System.currentTimeMillis()
  def meta = g.V(metaId).toList().find { it.label() == '${META_LABEL}' }
  def leases = [:]
  if (meta != null && meta.property('fingraph_leases').isPresent())
    leases = new groovy.json.JsonSlurper().parseText(meta.value('fingraph_leases'))
  leases = leases.findAll { k, l -> l.expires > now }
  def dataset = meta != null && meta.property('fingraph_dataset').isPresent() ? meta.value('fingraph_dataset') : null
  def answer = [granted: true, dataset: dataset]
  def write = true
  if (op == 'acquire') {
    if (evict != null) leases.remove(evict)
    def other = leases.find { k, l -> k != owner && (exclusive || l.exclusive == true || !(l.count == count && count > 1 && l.shard != shard)) }
    if (other != null) {
      answer = [granted: false, holder: other.key, who: other.value.who, shard: other.value.shard, count: other.value.count, expiresInMs: other.value.expires - now]
      write = false
    } else {
      leases[owner] = [who: who, shard: shard, count: count, expires: now + ttl, exclusive: exclusive]
      answer.hasData = g.V().not(__.hasLabel('${META_LABEL}')).limit(1).hasNext()
    }
  } else if (op == 'renew') {
    if (leases.containsKey(owner)) leases[owner].expires = now + ttl
    else { answer = [granted: false, lost: true, dataset: dataset]; write = false }
  } else if (op == 'release') {
    leases.remove(owner)
    write = meta != null
  } else if (op == 'mark') {
    if (!leases.containsKey(owner)) { answer = [granted: false, lost: true, dataset: dataset]; write = false }
  }
  if (write) {
    if (meta == null) meta = graph.addVertex(T.id, metaId, T.label, '${META_LABEL}')
    meta.property('fingraph_leases', groovy.json.JsonOutput.toJson(leases))
    if (op == 'mark') meta.property('fingraph_dataset', marker)
    graph.tx().commit()
  }
  answer
}
`;

/** Two loaders creating the meta schema at once: the loser's next attempt finds it made. */
const SCHEMA_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 250, maxDelayMs: 2_000 };

interface LeaseAnswer {
  granted?: boolean;
  lost?: boolean;
  dataset?: string | null;
  hasData?: boolean;
  holder?: string;
  who?: string;
  shard?: number;
  count?: number;
  expiresInMs?: number;
}

/** Creates the meta vertex label and its property keys if they are not there yet. */
export async function applyMetaSchema(connection: JanusGraphConnection): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.client.submit(META_SCHEMA_SCRIPT);
      return;
    } catch (error) {
      if (attempt >= SCHEMA_RETRY.retries) throw error;
      await sleep(delayFor(SCHEMA_RETRY, attempt));
    }
  }
}

/** This loader's identity in the lease table. */
export interface LeaseHolder {
  /** Unique per loader run. */
  readonly owner: string;
  /** Shown to another loader that is refused: e.g. `pid 4242 on host-a`. */
  readonly who: string;
  /**
   * Whether the loader a lease names (by its `who`) is certainly gone, e.g. a pid on this host
   * that no longer runs: its lease is taken over at once instead of waiting for it to lapse.
   */
  readonly isGone?: (who: string) => boolean;
  readonly dataset: DatasetIdentity;
  /** How long the lease lasts without renewal. */
  readonly ttlMs: number;
}

/** Why a lease could not be renewed. */
export type LeaseLoss = 'restarted-empty' | 'taken';

/**
 * The loader lease on one graph, and the dataset marker it guards. `acquire` refuses a second
 * loader of the same graph (unless both load different parts of one sharded dataset) and a
 * dataset other than the one the graph holds; `renew` keeps the lease alive while loading and
 * tells whether the graph restarted empty or the lease lapsed.
 */
export class GraphLease {
  constructor(
    private readonly holder: LeaseHolder,
    private readonly url: string,
  ) {}

  private async run(
    connection: JanusGraphConnection,
    op: 'acquire' | 'renew' | 'release' | 'mark',
    evict: string | null = null,
    exclusive = false,
  ): Promise<LeaseAnswer> {
    const { owner, who, ttlMs, dataset } = this.holder;
    const result = await connection.client.submit(LEASE_SCRIPT, {
      metaId: META_ID,
      op,
      owner,
      who,
      shard: dataset.shard.index,
      count: dataset.shard.count,
      ttl: ttlMs,
      marker: JSON.stringify(markerOf(dataset)),
      evict,
      exclusive,
    });
    return scriptResultObject(result.toArray());
  }

  /**
   * Takes the lease and checks the dataset marker, before anything is written. Throws a SinkError
   * when another loader holds the graph, a ConfigError (exit 2) when the graph holds another
   * dataset. `clearing`: the graph is about to be emptied, so another dataset is no objection.
   * Returns whether the graph already held this dataset.
   */
  async acquire(connection: JanusGraphConnection, clearing: boolean): Promise<boolean> {
    let answer = await this.run(connection, 'acquire', null, clearing);
    // A loader that was killed (same host, pid gone) left its lease: take it over.
    if (
      answer.granted !== true &&
      answer.holder !== undefined &&
      this.holder.isGone?.(answer.who ?? '')
    )
      answer = await this.run(connection, 'acquire', answer.holder, clearing);
    if (answer.granted !== true) {
      const part = answer.count !== undefined && answer.count > 1;
      const seconds = Math.max(1, Math.ceil((answer.expiresInMs ?? 0) / 1000));
      throw new SinkError(
        `janusgraph: ${this.url}: another fingraph is loading this graph (${answer.who ?? 'unknown'}${part ? `, part ${String(answer.shard)} of ${String(answer.count)}` : ''}); two loaders of the same data would write every edge twice. Wait for it to finish; if it was killed, its lease lapses in ${seconds} s`,
        { url: this.url },
      );
    }
    const held = parseMarker(answer.dataset);
    const wanted = markerOf(this.holder.dataset);
    if (held !== undefined && !sameDataset(held, wanted) && answer.hasData === true && !clearing) {
      await this.release(connection).catch(() => undefined);
      throw mismatch('--janusgraph', this.url, held, wanted);
    }
    if (held === undefined && answer.hasData === true && !clearing) {
      await this.release(connection).catch(() => undefined);
      throw new ConfigError(
        '--janusgraph',
        this.url,
        `holds a graph that no fingraph load recorded; add --clear to empty it before loading ${describeDataset(wanted)}`,
      );
    }
    return held !== undefined && sameDataset(held, wanted) && answer.hasData === true;
  }

  /** Records this dataset in the graph (after acquire, and after a clear). */
  async mark(connection: JanusGraphConnection): Promise<void> {
    const answer = await this.run(connection, 'mark');
    if (answer.granted !== true) throw this.lost(answer);
  }

  /**
   * Renews the lease. Throws a SinkError when the graph restarted empty (the dataset marker is
   * gone) or the lease lapsed and was lost; transient connection errors are thrown as they are.
   */
  async renew(connection: JanusGraphConnection): Promise<void> {
    const answer = await this.run(connection, 'renew');
    if (answer.granted !== true) throw this.lost(answer);
  }

  async release(connection: JanusGraphConnection): Promise<void> {
    await this.run(connection, 'release');
  }

  private lost(answer: LeaseAnswer): SinkError {
    const loss: LeaseLoss = parseMarker(answer.dataset) === undefined ? 'restarted-empty' : 'taken';
    return new SinkError(
      loss === 'restarted-empty'
        ? `janusgraph: ${this.url}: the graph lost fingraph's dataset marker while loading — the server restarted empty (in-memory storage?) and what was loaded is gone. The load must start over: run the same command again (a --resume also starts over)`
        : `janusgraph: ${this.url}: this loader's lease lapsed (no renewal for ${this.holder.ttlMs / 1000} s) and may have been taken by another loader; stopped so two loaders never write at once. Run the command again (with --resume) once no other loader runs`,
      { url: this.url, loss },
    );
  }
}

function mismatch(flag: string, url: string, held: DatasetMarker, wanted: DatasetMarker) {
  return new ConfigError(
    flag,
    url,
    `already holds another dataset (${describeDataset(held)}); this one is ${describeDataset(wanted)}. Nothing was written: add --clear to replace it, or load into another graph`,
  );
}

export { mismatch as datasetMismatch };
