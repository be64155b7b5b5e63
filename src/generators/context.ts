import type { Faker } from '@faker-js/faker';
import type { GenerationConfig } from '../config/index.js';
import type { Rng } from '../random/index.js';
import type { Population } from './population.js';

/** The simulated time frame. Nothing reads the wall clock: all time derives from these. */
export interface TimeFrame {
  /** End of the simulated period (config referenceDate), epoch ms. */
  readonly referenceMs: number;
  /** Start of the event window, epoch ms. */
  readonly windowStartMs: number;
}

/**
 * What a generator receives. `rng` is the current chunk's stream and `faker` draws from it;
 * `population` is the read-only index of entities generated in earlier stages.
 */
export interface GeneratorContext {
  readonly rng: Rng;
  readonly faker: Faker;
  readonly config: GenerationConfig;
  readonly time: TimeFrame;
  readonly population: Population;
  /**
   * For a typology instance: the currency its accounts are preferably drawn in, so a crime
   * happens inside one market as most of the background's payments do (set by the patterns
   * stage; participant draws fall back to any account when the market has too few).
   */
  readonly homeCurrency?: string;
}
