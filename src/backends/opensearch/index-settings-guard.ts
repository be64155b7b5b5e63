import { SinkError } from '../../errors.js';
import { requestFailureReason, statusOf } from './bulk-retry.js';
import type { OpenSearchConnection } from './connection.js';

/** The settings a bulk load changes, as they were before it (null: not set, the default applies). */
export interface LoadSettings {
  readonly refreshInterval: string | null;
  readonly replicas: string | null;
}

/**
 * Turns refresh off and replicas to 0 for a bulk load (OpenSearch "Tuning for indexing speed":
 * no segment every second, no second copy to write) and puts the previous values back afterwards.
 * `restore` runs from both `close` and `abort`, so a failed or interrupted load does not leave an
 * index that never refreshes.
 */
export class IndexSettingsGuard {
  private readonly remembered = new Map<string, LoadSettings>();
  private restored = false;

  constructor(
    private readonly connection: OpenSearchConnection,
    readonly indexes: readonly string[],
  ) {}

  /** What `restore` will put back, by index (empty before `relax`). */
  get previous(): ReadonlyMap<string, LoadSettings> {
    return this.remembered;
  }

  /** Remembers every index's refresh_interval and number_of_replicas, then sets -1 and 0. */
  async relax(): Promise<void> {
    const { client } = this.connection;
    const answer = (
      await client.indices.getSettings({ index: this.indexes.join(','), flat_settings: true })
    ).body as Record<string, { settings?: Record<string, unknown> } | undefined>;
    for (const index of this.indexes) {
      const settings = answer[index]?.settings ?? {};
      const refresh = settings['index.refresh_interval'];
      const replicas = settings['index.number_of_replicas'];
      this.remembered.set(index, {
        // -1 at the start means an earlier load was killed before it could restore: fingraph never
        // wants refresh off after a load, so that one goes back to the default, not to -1.
        refreshInterval: typeof refresh === 'string' && refresh !== '-1' ? refresh : null,
        replicas: typeof replicas === 'string' ? replicas : null,
      });
    }
    await client.indices.putSettings({
      index: this.indexes.join(','),
      body: { index: { refresh_interval: '-1', number_of_replicas: 0 } },
    });
  }

  /**
   * Puts back what `relax` remembered. Runs once; tries every index even when one fails, then
   * reports the ones that failed. Safe to call when `relax` never ran.
   */
  async restore(): Promise<void> {
    if (this.restored || this.remembered.size === 0) return;
    const groups = new Map<string, { settings: LoadSettings; indexes: string[] }>();
    for (const [index, settings] of this.remembered) {
      const key = JSON.stringify(settings);
      const group = groups.get(key) ?? { settings, indexes: [] };
      group.indexes.push(index);
      groups.set(key, group);
    }
    const failed: string[] = [];
    let cause: unknown;
    for (const { settings, indexes } of groups.values()) {
      try {
        await this.connection.client.indices.putSettings({
          index: indexes.join(','),
          // null resets a setting to its default: what an index that never set it had.
          body: {
            index: {
              refresh_interval: settings.refreshInterval,
              number_of_replicas: settings.replicas,
            },
          } as never,
        });
      } catch (error) {
        // An index that is gone (a server that restarted empty) has nothing to put back.
        if (statusOf(error) === 404) continue;
        failed.push(...indexes);
        cause ??= error;
      }
    }
    if (failed.length > 0)
      throw new SinkError(
        `opensearch sink: ${this.connection.url}: could not restore refresh_interval and number_of_replicas of ${failed.length} indexes (${failed.slice(0, 3).join(', ')}${failed.length > 3 ? ', …' : ''}): ${requestFailureReason(cause)}. They keep refresh_interval -1 (documents are not searchable until a refresh) until the next load of these indexes ends and turns refresh back on; number_of_replicas stays 0 (set it yourself if they had replicas)`,
        { indexes: failed },
        { cause },
      );
    this.restored = true;
  }
}
