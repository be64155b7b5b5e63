import type { RingShape } from '../ring/shape.js';
import type { Typology } from '../typology.js';
import { credentialStuffing } from './credential-stuffing.js';
import { malware } from './malware.js';
import { phishingCampaign } from './phishing-campaign.js';
import { sessionHijacking } from './session-hijacking.js';
import { simSwap } from './sim-swap.js';

/**
 * The original's five attack types. Each is its own shape; the typology only dispatches. (Each
 * shape's parameters are only ever given back its own drafts, so erasing them is safe.)
 */
const SHAPES: Readonly<Record<string, RingShape<unknown>>> = {
  credential_stuffing: credentialStuffing,
  session_hijacking: sessionHijacking,
  sim_swap: simSwap,
  phishing_campaign: phishingCampaign,
  malware_based: malware,
};

function shapeOf(subtype: string): RingShape<unknown> {
  const shape = SHAPES[subtype];
  if (shape === undefined) throw new Error(`account_takeover: unknown subtype ${subtype}`);
  return shape;
}

/**
 * Coordinated account takeover: attackers (added persons, each with a newly opened drop account)
 * take over several customers' accounts and empty them. Devices, IPs and login attempts are
 * graph elements (`device`, `logged_in`), lures are `communicated` edges, and every victim,
 * account, device, login, message and transfer is in the ground truth — the original recorded
 * none of them.
 */
export const accountTakeover: Typology = {
  name: 'account_takeover',
  subtypes: Object.keys(SHAPES),
  describe: Object.fromEntries(Object.entries(SHAPES).map(([k, s]) => [k, s.describe])),
  draft: (ctx, subtype, lookAlike) => shapeOf(subtype).draft(ctx, subtype, lookAlike),
  entityOverrides: (draft, slots, ctx) =>
    shapeOf(draft.subtype).entityOverrides?.(draft, slots, ctx) ?? {},
  realize: (ctx, draft, slots) => shapeOf(draft.subtype).realize(ctx, draft, slots),
  realizeLookAlike: (ctx, draft, slots) =>
    shapeOf(draft.subtype).realizeLookAlike(ctx, draft, slots),
};
