import type { GeneratorContext } from '../generators/context.js';
import { generateAccount } from '../generators/core/account.js';
import { generateCompany } from '../generators/core/company.js';
import { generateDevice } from '../generators/core/device.js';
import {
  generateOfficers,
  generateRelationships,
  generateShareholdings,
} from '../generators/core/links.js';
import { generatePerson } from '../generators/core/person.js';
import { generateCommunication } from '../generators/events/communication.js';
import { generateDocument } from '../generators/events/document.js';
import { generateLogin } from '../generators/events/login.js';
import { generateTrade } from '../generators/events/trade.js';
import { generateTransfer } from '../generators/events/transfer.js';
import { generateTravel } from '../generators/events/travel.js';
import type { EntityLabel, EventStage } from '../generators/patterns/typology.js';
import type { GraphRecord } from '../model/index.js';

/**
 * One step of generation. An entity or event stage runs over its label's indexes (background and
 * typology-reserved); a link stage runs over the background indexes of the entity label `over`.
 * `patterns` is the point, after the population and before the events, where typologies run.
 */
export type Stage =
  | {
      readonly kind: 'entity';
      /** Stream name: part of every seed derived for this stage, so renaming it changes the output. */
      readonly name: EntityLabel;
      readonly generate: (
        ctx: GeneratorContext,
        index: number,
        overrides?: never,
      ) => readonly GraphRecord[];
    }
  | {
      readonly kind: 'link';
      readonly name: string;
      readonly over: EntityLabel;
      readonly generate: (ctx: GeneratorContext, index: number) => readonly GraphRecord[];
      readonly feedsPopulation: boolean;
    }
  | { readonly kind: 'patterns'; readonly name: 'patterns' }
  | {
      readonly kind: 'event';
      readonly name: EventStage;
      /** `ordinal` numbers the stage's background indexes densely (typology slots excluded). */
      readonly generate: (
        ctx: GeneratorContext,
        index: number,
        ordinal: number,
      ) => readonly GraphRecord[];
    };

/**
 * The fixed stage order. Each stage only references entities of earlier stages, so every edge's
 * endpoints have been emitted before it: companies before persons (employers), persons before the
 * links between them, accounts after their owners, typology links after the population, events
 * last.
 */
export const STAGES: readonly Stage[] = [
  { kind: 'entity', name: 'company', generate: generateCompany },
  { kind: 'entity', name: 'person', generate: generatePerson },
  {
    kind: 'link',
    name: 'officer_of',
    over: 'company',
    generate: generateOfficers,
    feedsPopulation: true,
  },
  {
    kind: 'link',
    name: 'holds_share',
    over: 'company',
    generate: generateShareholdings,
    // Ownership-chain targets need the stakes already held, so totals stay ≤ 100 %.
    feedsPopulation: true,
  },
  {
    kind: 'link',
    name: 'related_to',
    over: 'person',
    generate: generateRelationships,
    feedsPopulation: true,
  },
  { kind: 'entity', name: 'account', generate: generateAccount },
  { kind: 'entity', name: 'device', generate: generateDevice },
  { kind: 'patterns', name: 'patterns' },
  { kind: 'event', name: 'transfer', generate: generateTransfer },
  { kind: 'event', name: 'communicated', generate: generateCommunication },
  { kind: 'event', name: 'trade', generate: generateTrade },
  { kind: 'event', name: 'travel', generate: generateTravel },
  { kind: 'event', name: 'document', generate: generateDocument },
  { kind: 'event', name: 'logged_in', generate: generateLogin },
];
