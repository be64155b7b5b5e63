import type { GenerationConfig } from '../config/index.js';
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
import type { GraphRecord } from '../model/index.js';

/** One step of generation: `count` calls of `generate`, in index order. */
export interface Stage {
  /** Stream name: part of every seed derived for this stage, so renaming it changes the output. */
  readonly name: string;
  readonly count: number;
  readonly generate: (ctx: GeneratorContext, index: number) => readonly GraphRecord[];
  /** Whether later stages read this stage's records through the population index. */
  readonly feedsPopulation: boolean;
}

/**
 * The fixed stage order. Each stage only references entities of earlier stages, so every edge's
 * endpoints have been emitted before it: companies before persons (employers), persons before the
 * links between them, accounts after their owners, events last.
 */
export function stagesFor(config: GenerationConfig): Stage[] {
  const stage = (
    name: string,
    count: number,
    generate: Stage['generate'],
    feedsPopulation = false,
  ): Stage => ({ name, count, generate, feedsPopulation });
  return [
    stage('company', config.companyCount, generateCompany, true),
    stage('person', config.personCount, generatePerson, true),
    stage('officer_of', config.companyCount, generateOfficers, true),
    stage('holds_share', config.companyCount, generateShareholdings),
    stage('related_to', config.personCount, generateRelationships, true),
    stage('account', config.accountCount, generateAccount, true),
    stage('device', config.deviceCount, generateDevice, true),
    stage('transfer', config.transactionCount, generateTransfer),
    stage('communicated', config.communicationCount, generateCommunication),
    stage('trade', config.tradeCount, generateTrade),
    stage('travel', config.travelCount, generateTravel),
    stage('document', config.documentCount, generateDocument),
    stage('logged_in', config.loginCount, generateLogin),
  ];
}
