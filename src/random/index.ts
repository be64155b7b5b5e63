export { deriveSeed } from './derive-seed.js';
export { Rng, type Weighted } from './rng.js';
