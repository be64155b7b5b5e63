import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type AnyEdgeRecord,
  type EdgeRecord,
  type GraphRecord,
  type Participant,
} from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { communicationEdge, drawMessage } from '../../events/communication.js';
import { tradeEdge } from '../../events/trade.js';
import { isoDate, isoTimestamp, MS_PER_DAY, MS_PER_HOUR, startOfDay } from '../../time.js';
import { buildTruth, confidenceOf } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import {
  announcementRecords,
  BAD_NEWS,
  GOOD_NEWS,
  type AnnouncementFacts,
} from './announcement.js';
import { CAST_PICKS, castOf, type Cast } from './cast.js';
import { linkId } from './link-id.js';
import { drawSchedule, type TradeSchedule } from './schedule.js';
import { INSIDER_TRADING_SUBTYPES } from './subtypes.js';

export interface InsiderTradingParams {
  readonly announcement: AnnouncementFacts;
  readonly daysBefore: number;
  readonly schedule: TradeSchedule;
  readonly lookAlike: boolean;
  /** Uniform draws that pick the cast from the population (see castOf). */
  readonly picks: readonly number[];
  /** Age, in days, of the investment account opened for each trader. */
  readonly openedDaysAgo: readonly number[];
  /** Size of the stake a beneficial owner holds, percent. */
  readonly stakePct: number;
}

/** Role in the truth of each subtype's traders. */
const TRADER_ROLE: Readonly<Record<string, string>> = {
  pre_announcement_trading: 'insider',
  coordinated_insider_trading: 'coordinated_insider',
  executive_trading_pattern: 'executive',
  beneficial_owner_pattern: 'beneficial_owner',
  tipping_pattern: 'tippee',
};

/**
 * Insider trading: a listed company makes a material announcement (a `document` of type
 * announcement, issued by it, with no recipient) and people linked to it trade its stock on the
 * profitable side (buy before good news, sell before bad) in the days before. Each trader opens an
 * investment account shortly before trading (a red flag in itself): its owner is named when the
 * account is generated, once officers, employees and relations exist. Invariant: every trade is in
 * the issuer's instrument, inside [announcement − window, announcement), on the profitable side,
 * and made by an officer, employee or shareholder of the issuer, or after a message from one.
 */
export const insiderTrading: Typology<InsiderTradingParams> = {
  name: 'insider_trading',
  subtypes: INSIDER_TRADING_SUBTYPES,
  describe: {
    pre_announcement_trading:
      'listed company `issued` an announcement `document`; one officer/employee `trade`s its stock 2+ times in the days before, each trade larger and closer to the date',
    coordinated_insider_trading:
      '2–4 officers/employees of the issuer `trade` its stock or options the same way within a few hours of each other, days before its announcement `document`',
    executive_trading_pattern:
      'a C-level `officer_of` the issuer `trade`s a large block of stock, then call options, before its announcement `document`',
    beneficial_owner_pattern:
      'a person who `holds_share` of 5–10 % in the issuer `trade`s its stock or options before its announcement `document`',
    tipping_pattern:
      'an insider `communicated` with a `related_to` family member or friend, who then `trade`s the issuer\u2019s stock or options before its announcement `document`',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<InsiderTradingParams> {
    const { rng, config, time } = ctx;
    const daysBefore = rng.int(config.insiderMinDaysBefore, config.insiderMaxDaysBefore);
    const earliest = time.windowStartMs + daysBefore * MS_PER_DAY;
    const latest = time.referenceMs - MS_PER_HOUR;
    const atMs = earliest + Math.floor(rng.next() * Math.max(0, latest - earliest));
    const goodNews = rng.chance(0.5);
    const announcement: AnnouncementFacts = {
      atMs,
      goodNews,
      headline: rng.pick(goodNews ? GOOD_NEWS : BAD_NEWS),
      priceMovePct: Math.round((goodNews ? 1 : -1) * rng.float(5, 40) * 10) / 10,
    };
    const schedule = drawSchedule(rng, config, subtype, atMs, daysBefore);
    const firstTradeMs = Math.min(...schedule.trades.map((t) => t.atMs));
    const daysBeforeFirst = Math.ceil((time.referenceMs - firstTradeMs) / MS_PER_DAY);
    return {
      subtype,
      params: {
        announcement,
        daysBefore,
        schedule,
        lookAlike,
        picks: Array.from({ length: CAST_PICKS }, () => rng.next()),
        openedDaysAgo: Array.from(
          { length: schedule.traders },
          () => daysBeforeFirst + rng.int(1, 60),
        ),
        stakePct: Math.round(rng.float(5, 10) * 100) / 100,
      },
      entities: { account: schedule.traders },
      events: {
        document: 1,
        trade: schedule.trades.length,
        communicated: schedule.messagesMs.length,
      },
    };
  },

  entityOverrides(draft) {
    const { params } = draft;
    return {
      account: params.openedDaysAgo.map((openedDaysAgo, j) => ({
        // Named when generated: insiders exist only once the population does.
        owner: (g: GeneratorContext) => {
          const { traders } = castFor(g, draft);
          return { label: 'person' as const, index: traders[j % traders.length] as number };
        },
        type: 'investment',
        openedDaysAgo,
      })),
    };
  },

  realize(ctx, draft, slots) {
    return emit(ctx, draft, slots);
  },

  // The same shape; draft.params.lookAlike casts outsiders and drops the links and the truth.
  realizeLookAlike(ctx, draft, slots) {
    return emit(ctx, draft, slots);
  },
};

/** The instance's cast: the same whether asked when its accounts are generated or at realize. */
function castFor(
  ctx: Pick<GeneratorContext, 'population'>,
  draft: PatternDraft<InsiderTradingParams>,
): Cast {
  const { params } = draft;
  return castOf(ctx.population, {
    subtype: draft.subtype,
    lookAlike: params.lookAlike,
    picks: params.picks,
    traders: params.schedule.traders,
    hasMessages: params.schedule.messagesMs.length > 0,
  });
}

/** Relationship edges the instance adds: a beneficial owner's stake, a tipping fallback's friendship. */
function linksOf(
  ctx: GeneratorContext,
  draft: PatternDraft<InsiderTradingParams>,
  slots: PatternSlots,
  cast: Cast,
): AnyEdgeRecord[] {
  const { rng, population } = ctx;
  const yearsAgo = (min: number, max: number) =>
    isoDate(startOfDay(ctx.time.referenceMs) - rng.int(min * 365, max * 365) * MS_PER_DAY);
  if (draft.params.lookAlike) return [];
  if (draft.subtype === 'beneficial_owner_pattern') {
    // Background holders of a listed company own at most 3 × 8 %: a 5–10 % stake always fits.
    const id = linkId(EDGE_ID_PREFIX.holds_share, population.companyCount, slots.patternId);
    return [
      {
        label: 'holds_share',
        id,
        outV: vertexId('person', cast.traders[0] as number),
        inV: vertexId('company', cast.issuer),
        properties: {
          relationship_id: id,
          percentage: draft.params.stakePct,
          since: yearsAgo(1, 10),
        },
      },
    ];
  }
  if (cast.linkTip) {
    const id = linkId(EDGE_ID_PREFIX.related_to, population.personCount, slots.patternId);
    return [
      {
        label: 'related_to',
        id,
        outV: vertexId('person', cast.tipper),
        inV: vertexId('person', cast.traders[0] as number),
        properties: {
          relationship_id: id,
          relationship_type: 'friend',
          since: yearsAgo(1, 20),
          strength: Math.round(rng.float(0.6, 1) * 100) / 100,
        },
      },
    ];
  }
  return [];
}

/** Emits the announcement, the messages and the trades, and (for a real instance) the truth. */
function emit(
  ctx: GeneratorContext,
  draft: PatternDraft<InsiderTradingParams>,
  slots: PatternSlots,
): PatternOutput {
  const { params, subtype } = draft;
  const { announcement, schedule } = params;
  const cast = castFor(ctx, draft);
  const { issuer } = cast;
  const accounts = params.openedDaysAgo.map((_, j) => slots.entity('account', j));
  cast.traders.forEach((trader, t) => {
    const owner = ctx.population.accountOwnerIndex[accounts[t] as number];
    if (owner !== trader)
      throw new Error(`insider trading: account ${accounts[t]} is not ${trader}'s`);
  });
  const side = announcement.goodNews ? 'buy' : 'sell';
  const document = announcementRecords(ctx, slots.event('document', 0), issuer, announcement);

  const messages = schedule.messagesMs.map((atMs, k) => {
    // A tip reads like any message (a call, a chat, an email about lunch): nothing in the
    // definition puts watch-list phrases in it, so it carries them only at the background's rate.
    const { type, content } = drawMessage(ctx);
    return communicationEdge(
      ctx,
      formatId(EDGE_ID_PREFIX.communicated, slots.event('communicated', k)),
      vertexId('person', cast.tipper),
      vertexId('person', cast.traders[0] as number),
      type,
      atMs,
      content,
    );
  });

  const trades = schedule.trades.map((planned, k) =>
    tradeEdge(ctx, formatId(EDGE_ID_PREFIX.trade, slots.event('trade', k)), {
      account: accounts[planned.trader % cast.traders.length] as number,
      issuer,
      timestampMs: planned.atMs,
      side,
      assetType: planned.assetType,
      quantity: planned.quantity,
      // Calls: bought before good news, written (sold) before bad — both profit from the news.
      optionRight: 'C',
    }),
  );

  const units = {
    document: [document],
    communicated: messages.map((m) => [m]),
    trade: trades.map((t) => [t]),
  };
  const links = linksOf(ctx, draft, slots, cast);
  if (params.lookAlike) return { units, links, truth: null };

  const role = TRADER_ROLE[subtype] ?? 'insider';
  const participants: Participant[] = [
    { id: vertexId('company', issuer), label: 'company', role: 'issuer' },
    ...(cast.tipper >= 0
      ? [{ id: vertexId('person', cast.tipper), label: 'person', role: 'tipper' }]
      : []),
    ...cast.traders.flatMap((person, t): Participant[] => [
      { id: vertexId('person', person), label: 'person', role },
      { id: vertexId('account', accounts[t] as number), label: 'account', role: 'trading_account' },
    ]),
  ];
  const events: GraphRecord[] = [...document, ...messages, ...trades];
  const times = [announcement.atMs, ...schedule.messagesMs, ...schedule.trades.map((t) => t.atMs)];
  const total = trades.reduce((sum, t) => sum + t.properties.total_value, 0);
  const indicators = indicatorsOf(subtype, params, messages);
  const redFlags = redFlagsOf(subtype, total, trades.length, cast, messages.length);
  const durationDays = (Math.max(...times) - Math.min(...times)) / MS_PER_DAY;
  const confidence = confidenceOf(indicators.length, redFlags.length, total, durationDays);
  const entities = 1 + cast.traders.length + (cast.tipper >= 0 ? 1 : 0);
  const severity =
    0.4 * confidence +
    (total > 10_000_000 ? 0.3 : total > 5_000_000 ? 0.2 : total > 1_000_000 ? 0.1 : 0) +
    (entities >= 10 ? 0.2 : entities >= 5 ? 0.1 : 0) +
    (params.daysBefore <= 7 ? 0.1 : 0);
  return {
    units,
    links,
    truth: buildTruth({
      patternId: slots.patternId,
      typology: 'insider_trading',
      subtype,
      participants,
      addedEntities: accounts.map((a) => vertexId('account', a)),
      events,
      eventTimesMs: times,
      totalValue: total,
      currency: trades[0]?.properties.currency ?? 'USD',
      indicators,
      redFlags,
      severity,
      parameters: {
        announcement_id: document[0].id,
        announcement_date: isoTimestamp(announcement.atMs),
        direction: announcement.goodNews ? 'good_news' : 'bad_news',
        headline: announcement.headline,
        expected_price_move_pct: announcement.priceMovePct,
        days_before_announcement: params.daysBefore,
        trade_side: side,
        trade_count: trades.length,
        communication_count: messages.length,
        trader_count: cast.traders.length,
        average_trade_value:
          trades.length > 0 ? Math.round((total / trades.length) * 100) / 100 : 0,
        officer_role: cast.officerRole,
        ...(subtype === 'beneficial_owner_pattern' ? { stake_pct: params.stakePct } : {}),
        ...(cast.linkTip ? { tip_relationship_added: true } : {}),
      },
    }),
  };
}

function indicatorsOf(
  subtype: string,
  params: InsiderTradingParams,
  messages: readonly EdgeRecord<'communicated'>[],
): string[] {
  const list = [
    'pre_announcement_trading',
    'timing_suspicious',
    'consistent_trade_direction',
    'trader_linked_to_issuer',
    'newly_opened_trading_account',
  ];
  if (params.daysBefore <= 30) list.push('trades_within_30_days_of_announcement');
  if (params.daysBefore <= 7) list.push('trades_within_7_days_of_announcement');
  switch (subtype) {
    case 'pre_announcement_trading':
      list.push('unusual_trading_volume', 'increasing_position_size');
      break;
    case 'coordinated_insider_trading':
      list.push(
        'multiple_insiders_trading',
        'coordinated_trading_pattern',
        'simultaneous_trades',
        'identical_trade_direction',
      );
      break;
    case 'executive_trading_pattern':
      list.push('options_before_announcement', 'large_position_change');
      break;
    case 'beneficial_owner_pattern':
      list.push('major_shareholder_trading');
      break;
    case 'tipping_pattern':
      list.push(
        'suspicious_communications_before_trades',
        'information_sharing_detected',
        'tippee_trading_pattern',
        'communication_trade_correlation',
      );
      if (messages.some((m) => m.properties.suspicious_keywords.length > 0))
        list.push('watch_list_phrases_in_messages');
      break;
    default:
      break;
  }
  return list;
}

function redFlagsOf(
  subtype: string,
  total: number,
  tradeCount: number,
  cast: Cast,
  messageCount: number,
): string[] {
  const list: string[] = ['material_non_public_information'];
  const average = tradeCount > 0 ? total / tradeCount : 0;
  if (average > 100_000) list.push('large_trade_values');
  if (average > 1_000_000) list.push('very_large_trade_values');
  if (cast.traders.length >= 5) list.push('multiple_insiders_involved');
  if (messageCount > 3) list.push('frequent_communications');
  switch (subtype) {
    case 'coordinated_insider_trading':
      list.push('coordinated_activity', 'potential_conspiracy');
      break;
    case 'executive_trading_pattern':
      list.push('executive_level_involvement', 'fiduciary_duty_concern');
      break;
    case 'beneficial_owner_pattern':
      list.push('substantial_holder_trading');
      break;
    case 'tipping_pattern':
      list.push('tipping_to_related_person');
      break;
    default:
      break;
  }
  return list;
}
