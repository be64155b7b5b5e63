import { EDGE_ID_PREFIX, formatId, type EdgeRecord } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { loginEdge, type LoginParts } from '../../events/login.js';
import type { PatternSlots } from '../typology.js';

/** The pattern's k-th login attempt (account → device), in its reserved slot. */
export function patternLogin(
  ctx: GeneratorContext,
  slots: PatternSlots,
  k: number,
  parts: LoginParts,
): EdgeRecord<'logged_in'> {
  return loginEdge(ctx, formatId(EDGE_ID_PREFIX.logged_in, slots.event('logged_in', k)), parts);
}
