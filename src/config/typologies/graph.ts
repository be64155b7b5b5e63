import { option } from '../option.js';

/** The AML graph typologies (AMLSim / AMLworld shapes): instance counts and shape sizes. */
export interface GraphTypologiesConfig {
  readonly fanOutPatterns: number;
  readonly fanInPatterns: number;
  readonly cyclePatterns: number;
  readonly scatterGatherPatterns: number;
  readonly gatherScatterPatterns: number;
  readonly bipartitePatterns: number;
  readonly stackPatterns: number;
  readonly peelChainPatterns: number;
  /** Every graph typology instance happens within a window of this many hours (min/max). */
  readonly graphWindowMinHours: number;
  readonly graphWindowMaxHours: number;
  /** Share of what it received an account keeps as its cut before passing the rest on. */
  readonly graphFeeMinRate: number;
  readonly graphFeeMaxRate: number;
  readonly fanOutMinDegree: number;
  readonly fanOutMaxDegree: number;
  readonly fanInMinDegree: number;
  readonly fanInMaxDegree: number;
  readonly cycleMinLength: number;
  readonly cycleMaxLength: number;
  readonly scatterGatherMinWidth: number;
  readonly scatterGatherMaxWidth: number;
  readonly gatherScatterMinWidth: number;
  readonly gatherScatterMaxWidth: number;
  readonly bipartiteMinSide: number;
  readonly bipartiteMaxSide: number;
  readonly bipartiteDensity: number;
  readonly stackMinLayers: number;
  readonly stackMaxLayers: number;
  readonly stackMinWidth: number;
  readonly stackMaxWidth: number;
  readonly stackDensity: number;
  readonly peelChainMinHops: number;
  readonly peelChainMaxHops: number;
  readonly peelMinRate: number;
  readonly peelMaxRate: number;
}

export const GRAPH_TYPOLOGY_OPTIONS = [
  option('fanOutPatterns', 'count', 'typologies', 'fan-out instances'),
  option('fanInPatterns', 'count', 'typologies', 'fan-in instances'),
  option('cyclePatterns', 'count', 'typologies', 'cycle instances'),
  option('scatterGatherPatterns', 'count', 'typologies', 'scatter-gather instances'),
  option('gatherScatterPatterns', 'count', 'typologies', 'gather-scatter instances'),
  option('bipartitePatterns', 'count', 'typologies', 'bipartite instances'),
  option('stackPatterns', 'count', 'typologies', 'stack instances'),
  option('peelChainPatterns', 'count', 'typologies', 'peel-chain instances'),
  option(
    'graphWindowMinHours',
    'positive',
    'typologies',
    'shortest window, in hours, a graph typology instance (fan, cycle, stack…) happens in',
  ),
  option(
    'graphWindowMaxHours',
    'positive',
    'typologies',
    'longest window, in hours, a graph typology instance happens in',
  ),
  option(
    'graphFeeMinRate',
    'rate',
    'typologies',
    'smallest cut an intermediary keeps in cycles, scatter-gather, gather-scatter and stacks',
  ),
  option(
    'graphFeeMaxRate',
    'rate',
    'typologies',
    'largest cut an intermediary keeps in cycles, scatter-gather, gather-scatter and stacks (≤ 0.5)',
  ),
  option('fanOutMinDegree', 'positive', 'typologies', 'fewest targets of a fan-out (≥ 2)'),
  option('fanOutMaxDegree', 'positive', 'typologies', 'most targets of a fan-out'),
  option('fanInMinDegree', 'positive', 'typologies', 'fewest sources of a fan-in (≥ 2)'),
  option('fanInMaxDegree', 'positive', 'typologies', 'most sources of a fan-in'),
  option('cycleMinLength', 'positive', 'typologies', 'fewest accounts in a cycle (≥ 2)'),
  option('cycleMaxLength', 'positive', 'typologies', 'most accounts in a cycle'),
  option(
    'scatterGatherMinWidth',
    'positive',
    'typologies',
    'fewest intermediaries of a scatter-gather (≥ 2)',
  ),
  option(
    'scatterGatherMaxWidth',
    'positive',
    'typologies',
    'most intermediaries of a scatter-gather',
  ),
  option(
    'gatherScatterMinWidth',
    'positive',
    'typologies',
    'fewest sources, and fewest targets, of a gather-scatter hub (≥ 2)',
  ),
  option(
    'gatherScatterMaxWidth',
    'positive',
    'typologies',
    'most sources, and most targets, of a gather-scatter hub',
  ),
  option(
    'bipartiteMinSide',
    'positive',
    'typologies',
    'fewest originators, and fewest beneficiaries, of a bipartite pattern (≥ 2)',
  ),
  option(
    'bipartiteMaxSide',
    'positive',
    'typologies',
    'most originators, and most beneficiaries, of a bipartite pattern',
  ),
  option(
    'bipartiteDensity',
    'rate',
    'typologies',
    'share of originator–beneficiary pairs that carry a transfer (> 0; every account keeps at least one)',
  ),
  option(
    'stackMinLayers',
    'positive',
    'typologies',
    'fewest account layers of a stack, sources included (≥ 3)',
  ),
  option('stackMaxLayers', 'positive', 'typologies', 'most account layers of a stack'),
  option('stackMinWidth', 'positive', 'typologies', 'fewest accounts in one stack layer (≥ 2)'),
  option('stackMaxWidth', 'positive', 'typologies', 'most accounts in one stack layer'),
  option(
    'stackDensity',
    'rate',
    'typologies',
    'share of account pairs of consecutive stack layers that carry a transfer (> 0)',
  ),
  option(
    'peelChainMinHops',
    'positive',
    'typologies',
    'fewest main-path hops of a peel chain (≥ 2)',
  ),
  option('peelChainMaxHops', 'positive', 'typologies', 'most main-path hops of a peel chain'),
  option(
    'peelMinRate',
    'rate',
    'typologies',
    'smallest slice of the amount received peeled off at each hop of a peel chain (> 0)',
  ),
  option(
    'peelMaxRate',
    'rate',
    'typologies',
    'largest slice of the amount received peeled off at each hop of a peel chain (≤ 0.5)',
  ),
];

export const GRAPH_TYPOLOGY_DEFAULTS: GraphTypologiesConfig = {
  fanOutPatterns: 0,
  fanInPatterns: 0,
  cyclePatterns: 0,
  scatterGatherPatterns: 0,
  gatherScatterPatterns: 0,
  bipartitePatterns: 0,
  stackPatterns: 0,
  peelChainPatterns: 0,
  graphWindowMinHours: 2,
  graphWindowMaxHours: 72,
  graphFeeMinRate: 0.005,
  graphFeeMaxRate: 0.03,
  fanOutMinDegree: 5,
  fanOutMaxDegree: 12,
  fanInMinDegree: 5,
  fanInMaxDegree: 12,
  cycleMinLength: 3,
  cycleMaxLength: 6,
  scatterGatherMinWidth: 3,
  scatterGatherMaxWidth: 8,
  gatherScatterMinWidth: 3,
  gatherScatterMaxWidth: 6,
  bipartiteMinSide: 2,
  bipartiteMaxSide: 5,
  bipartiteDensity: 0.8,
  stackMinLayers: 3,
  stackMaxLayers: 4,
  stackMinWidth: 2,
  stackMaxWidth: 4,
  stackDensity: 0.8,
  peelChainMinHops: 3,
  peelChainMaxHops: 8,
  peelMinRate: 0.02,
  peelMaxRate: 0.1,
};
