import type { Detector } from '../detector.js';

/** Detectors for the money-flow shapes: mule chain, fan-out/in, cycle, scatter-gather, … */
export const GRAPH_DETECTORS: readonly Detector[] = [];
