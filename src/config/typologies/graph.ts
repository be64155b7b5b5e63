import { option } from '../option.js';

/** The AML graph typologies (AMLSim / AMLworld shapes). */
export interface GraphTypologiesConfig {
  readonly fanOutPatterns: number;
  readonly fanInPatterns: number;
  readonly cyclePatterns: number;
  readonly scatterGatherPatterns: number;
  readonly gatherScatterPatterns: number;
  readonly bipartitePatterns: number;
  readonly stackPatterns: number;
  readonly peelChainPatterns: number;
}

const notYet = {
  restrictedTo: 0,
  restriction: 'must be 0: this typology is not in this release yet',
};

export const GRAPH_TYPOLOGY_OPTIONS = [
  option('fanOutPatterns', 'count', 'typologies', 'fan-out instances', notYet),
  option('fanInPatterns', 'count', 'typologies', 'fan-in instances', notYet),
  option('cyclePatterns', 'count', 'typologies', 'cycle instances', notYet),
  option('scatterGatherPatterns', 'count', 'typologies', 'scatter-gather instances', notYet),
  option('gatherScatterPatterns', 'count', 'typologies', 'gather-scatter instances', notYet),
  option('bipartitePatterns', 'count', 'typologies', 'bipartite instances', notYet),
  option('stackPatterns', 'count', 'typologies', 'stack instances', notYet),
  option('peelChainPatterns', 'count', 'typologies', 'peel-chain instances', notYet),
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
};
