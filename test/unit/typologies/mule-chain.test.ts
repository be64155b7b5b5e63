import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/model/index.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, expectCashOut, runWithTruth, withRole } from '../../helpers/patterns.js';

describe('mule chain', () => {
  for (const seed of randomSeeds(3)) {
    it(`each hop follows the previous within the configured delay and keeps 94–98 %, then the cash-out account spends (seed ${seed})`, async () => {
      const config = configOf('small', {
        seed,
        transactionCount: 500,
        muleChainPatterns: 4,
        muleHopMinMinutes: 5,
        muleHopMaxMinutes: 30,
      });
      const run = await runWithTruth(config);
      const chains = run.truth.patterns.filter((p) => p.typology === 'mule_chain');
      expect(chains).toHaveLength(4);
      for (const chain of chains) {
        const cashOut = withRole(chain, 'cash_out')[0];
        const transfers = eventsOf(run, chain)['transfer'] as EdgeRecord<'transfer'>[];
        const hops = transfers.filter((t) => t.outV !== cashOut);
        const length = hops.length + 1;
        expect(length).toBeGreaterThanOrEqual(config.muleChainMinLength);
        expect(length).toBeLessThanOrEqual(config.muleChainMaxLength);
        expect(hops[0]?.outV).toBe(withRole(chain, 'victim')[0]);
        expect(hops.at(-1)?.inV).toBe(cashOut);
        // the cash-out account then withdraws and spends, after the money arrived, within days
        const lastHop = Date.parse(hops.at(-1)?.properties.timestamp ?? '');
        expectCashOut(
          transfers.filter((t) => t.outV === cashOut),
          lastHop,
        );
        for (let k = 1; k < hops.length; k++) {
          const previous = hops[k - 1] as EdgeRecord<'transfer'>;
          const hop = hops[k] as EdgeRecord<'transfer'>;
          expect(hop.outV, 'money moves along the chain').toBe(previous.inV);
          const minutes =
            (Date.parse(hop.properties.timestamp) - Date.parse(previous.properties.timestamp)) /
            60_000;
          expect(minutes).toBeGreaterThanOrEqual(5);
          expect(minutes).toBeLessThanOrEqual(30);
          const kept = hop.properties.amount_base / previous.properties.amount_base;
          expect(kept).toBeGreaterThanOrEqual(0.94 - 0.0001);
          expect(kept).toBeLessThanOrEqual(0.98 + 0.0001);
        }
        // mule accounts are added to the population, young, and held by real persons
        for (const mule of withRole(chain, 'mule')) {
          expect(chain.added_entities).toContain(mule);
          const account = run.vertices.get(mule);
          expect(account?.label).toBe('account');
          if (account?.label === 'account') {
            const opened = Date.parse(account.properties.opened_date);
            const firstHop = Date.parse(hops[0]?.properties.timestamp ?? '');
            expect(opened, 'opened before it is used').toBeLessThan(firstHop);
            expect(firstHop - opened, 'and recently').toBeLessThanOrEqual(47 * 86_400_000);
            expect(run.vertices.get(account.properties.owner_id)?.label).toBe('person');
          }
        }
      }
    });
  }
});
