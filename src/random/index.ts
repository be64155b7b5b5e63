export { deriveSeed } from './derive-seed.js';
export { Rng, type Weighted } from './rng.js';
export { AliasTable } from './alias-table.js';
