import type { Typology } from '../typology.js';
import { accountTakeoverRing } from './account-takeover-ring.js';
import { bustOut } from './bust-out.js';
import { checkKiting } from './check-kiting.js';
import { moneyMuleNetwork } from './money-mule-network.js';
import type { RingShape } from '../ring/shape.js';
import { syntheticIdentity } from './synthetic-identity.js';

/**
 * The subtypes in the original's order of frequency. Each is its own shape; the typology only
 * dispatches. (Each shape's parameters are only ever given back its own drafts, so erasing them
 * to unknown here is safe.)
 */
const SHAPES: Readonly<Record<string, RingShape<unknown>>> = {
  money_mule_network: moneyMuleNetwork,
  account_takeover_ring: accountTakeoverRing,
  synthetic_identity_fraud: syntheticIdentity,
  bust_out_fraud: bustOut,
  check_kiting_ring: checkKiting,
};

function shapeOf(subtype: string): RingShape<unknown> {
  const shape = SHAPES[subtype];
  if (shape === undefined) throw new Error(`fraud_ring: unknown subtype ${subtype}`);
  return shape;
}

/**
 * Fraud rings: groups of accounts (and, for synthetic identities, persons) acting together.
 * Unlike the original, whose subtypes were random transfers among fabricated accounts (and were
 * thrown away), every subtype has its own structure over the real population, and every element
 * is in the output and in the ground truth.
 */
export const fraudRing: Typology = {
  name: 'fraud_ring',
  subtypes: Object.keys(SHAPES),
  describe: Object.fromEntries(Object.entries(SHAPES).map(([k, s]) => [k, s.describe])),
  draft: (ctx, subtype, lookAlike) => shapeOf(subtype).draft(ctx, subtype, lookAlike),
  entityOverrides: (draft, slots, ctx) =>
    shapeOf(draft.subtype).entityOverrides?.(draft, slots, ctx) ?? {},
  realize: (ctx, draft, slots) => shapeOf(draft.subtype).realize(ctx, draft, slots),
  realizeLookAlike: (ctx, draft, slots) =>
    shapeOf(draft.subtype).realizeLookAlike(ctx, draft, slots),
};
