import type { TypologyEntry } from '../typology.js';
import { bipartite, validateBipartite } from './bipartite.js';
import { cycle, validateCycle } from './cycle.js';
import { fanIn, validateFanIn } from './fan-in.js';
import { fanOut, validateFanOut } from './fan-out.js';
import { gatherScatter, validateGatherScatter } from './gather-scatter.js';
import { peelChain, validatePeelChain } from './peel-chain.js';
import { scatterGather, validateScatterGather } from './scatter-gather.js';
import { stack, validateStack } from './stack.js';

/** The AML graph typologies (AMLSim / AMLworld alert shapes), each with its own count. */
export const GRAPH_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: fanOut,
    count: (c) => c.fanOutPatterns,
    subtypes: () => fanOut.subtypes,
    validate: validateFanOut,
  },
  {
    typology: fanIn,
    count: (c) => c.fanInPatterns,
    subtypes: () => fanIn.subtypes,
    validate: validateFanIn,
  },
  {
    typology: cycle,
    count: (c) => c.cyclePatterns,
    subtypes: () => cycle.subtypes,
    validate: validateCycle,
  },
  {
    typology: scatterGather,
    count: (c) => c.scatterGatherPatterns,
    subtypes: () => scatterGather.subtypes,
    validate: validateScatterGather,
  },
  {
    typology: gatherScatter,
    count: (c) => c.gatherScatterPatterns,
    subtypes: () => gatherScatter.subtypes,
    validate: validateGatherScatter,
  },
  {
    typology: bipartite,
    count: (c) => c.bipartitePatterns,
    subtypes: () => bipartite.subtypes,
    validate: validateBipartite,
  },
  {
    typology: stack,
    count: (c) => c.stackPatterns,
    subtypes: () => stack.subtypes,
    validate: validateStack,
  },
  {
    typology: peelChain,
    count: (c) => c.peelChainPatterns,
    subtypes: () => peelChain.subtypes,
    validate: validatePeelChain,
  },
];
