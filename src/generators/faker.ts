import { base, en, Faker, type Randomizer } from '@faker-js/faker';
import type { Rng } from '../random/index.js';

/** Holds the stream's current Rng; faker draws from it, so faker output follows our seeds. */
export interface RngHolder {
  rng: Rng;
}

/**
 * A Faker whose every draw comes from `holder.rng`. No global faker is ever used: the output of a
 * stream depends only on its seeds, never on what another stream consumed.
 */
export function createFaker(holder: RngHolder): Faker {
  const randomizer: Randomizer = {
    next: () => holder.rng.next(),
    seed: () => {
      throw new Error('fingraph fakers are seeded through their Rng, not faker.seed()');
    },
  };
  return new Faker({ locale: [en, base], randomizer });
}
