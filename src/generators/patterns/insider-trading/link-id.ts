import { formatId } from '../../../model/index.js';

/**
 * Id of a relationship edge an instance creates into an existing entity (a beneficial owner's
 * stake, a tip's friendship). The base scheme, entity × 10 + ordinal, leaves ordinals 5–9 of an
 * existing entity to typologies, but two typologies linking the same company (an ownership chain
 * and a beneficial owner) cannot share them without coordination. So these ids take the index
 * just past the entity range, one per instance: `(entityCount + pattern number) × 10 + 9`, which
 * neither the background (0–4) nor ordinals 5–9 of any entity ever reach.
 */
export function linkId(prefix: string, entityCount: number, patternId: string): string {
  const sequence = Number.parseInt(patternId.slice(3), 10) || 0;
  return formatId(prefix, (entityCount + sequence) * 10 + 9);
}
