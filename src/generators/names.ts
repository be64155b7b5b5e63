import type { GeneratorContext } from './context.js';

/**
 * Names for hot paths (one per event). Drawn straight from faker's locale lists with our Rng:
 * faker's own pattern expansion ("{{person.lastName}} {{company.legal_entity_type}}") costs
 * several times more per call, which dominates at millions of events.
 */
export function cityName(ctx: GeneratorContext): string {
  return ctx.rng.pick(ctx.faker.definitions.location.city_name);
}

/** "Ergonomic Steel Chair": adjective, material and product from faker's commerce lists. */
export function productName(ctx: GeneratorContext): string {
  const { rng, faker } = ctx;
  const words = faker.definitions.commerce.product_name;
  return `${rng.pick(words.adjective)} ${rng.pick(words.material)} ${rng.pick(words.product)}`;
}

const MERCHANT_SUFFIXES = ['LLC', 'Inc', 'Group', 'and Sons', 'Ltd', 'Corp', 'Store', 'Market'];

export function merchantName(ctx: GeneratorContext): string {
  const { rng, faker } = ctx;
  const lastNames: readonly string[] = faker.definitions.person.last_name.generic ?? ['Smith'];
  return `${rng.pick(lastNames)} ${rng.pick(MERCHANT_SUFFIXES)}`;
}
