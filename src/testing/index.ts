/**
 * Helpers for your own tests: seed a bank with known crimes into your backends, run your query,
 * and score its hits against the exact ground truth.
 */
export { seedBank, type SeedBankOptions, type SeededBank } from './seed-bank.js';
export {
  hitMatchesPattern,
  matchingPatterns,
  patternEventIds,
  scoreHits,
  truthPatterns,
  type DetectionScore,
  type SubtypeScore,
  type TruthPattern,
  type TypologyScore,
} from '../detection/score.js';
export type { DetectionContext, Detector, Hit } from '../detection/detector.js';
