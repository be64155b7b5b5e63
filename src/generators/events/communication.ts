import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { LANGUAGES } from '../data/countries.js';
import { KEYWORD_CATEGORIES, SUSPICIOUS_KEYWORDS } from '../data/keywords.js';
import {
  ATTACHMENT_TYPES,
  ENCRYPTED_PLATFORMS,
  MESSAGE_SENTENCES,
  PLATFORMS,
  SUBJECT_WORDS,
} from '../data/messages.js';
import { uniformTime } from '../event-time.js';
import { screenKeywords } from '../keyword-screening.js';
import { score } from '../money.js';
import { isoTimestamp } from '../time.js';

const TYPES = [
  ['email', 0.35],
  ['sms', 0.2],
  ['phone', 0.15],
  ['chat', 0.15],
  ['social_media', 0.1],
  ['video', 0.05],
] as const;
const SENTIMENTS = [
  ['positive', 0.3],
  ['neutral', 0.5],
  ['negative', 0.15],
  ['urgent', 0.05],
] as const;

export interface MessageContent {
  readonly subject: string | null;
  readonly body: string;
  readonly durationSeconds: number | null;
}

/** Subject and body for a channel, from the sentence bank. */
export function messageContent(ctx: GeneratorContext, type: string): MessageContent {
  const { rng } = ctx;
  const sentences = (n: number) =>
    Array.from({ length: n }, () => rng.pick(MESSAGE_SENTENCES)).join(' ');
  switch (type) {
    case 'email':
      return {
        subject: `${rng.pick(SUBJECT_WORDS)}: ${rng.pick(SUBJECT_WORDS).toLowerCase()}`,
        body: `${sentences(3)}\n\n${sentences(3)}`,
        durationSeconds: null,
      };
    case 'phone': {
      const seconds = rng.int(30, 1800);
      return {
        subject: null,
        body: `Call duration: ${seconds} seconds. ${sentences(2)}`,
        durationSeconds: seconds,
      };
    }
    case 'video': {
      const seconds = rng.int(300, 3600);
      return {
        subject: null,
        body: `Video call duration: ${seconds} seconds. ${sentences(1)}`,
        durationSeconds: seconds,
      };
    }
    default:
      return { subject: null, body: sentences(rng.int(1, 2)), durationSeconds: null };
  }
}

/** Appends 1–3 phrases of one watch-list category to the subject or the body. */
export function injectPhrases(
  ctx: GeneratorContext,
  content: MessageContent,
  category?: string,
): MessageContent {
  const { rng } = ctx;
  const phrases = rng.sample(
    SUSPICIOUS_KEYWORDS[category ?? rng.pick(KEYWORD_CATEGORIES)] ?? [],
    rng.int(1, 3),
  );
  let { subject, body } = content;
  for (const phrase of phrases) {
    if (subject !== null && rng.chance(0.5)) subject = `${subject} - ${phrase}`;
    else body = `${body} ${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
  }
  return { ...content, subject, body };
}

/**
 * Builds a communicated edge from its parts. Keyword screening and risk are recomputed from the
 * final text, so flags always agree with the content (the original kept stale flags).
 */
export function communicationEdge(
  ctx: GeneratorContext,
  id: string,
  sender: string,
  recipient: string,
  type: string,
  timestampMs: number,
  content: MessageContent,
): EdgeRecord<'communicated'> {
  const { rng } = ctx;
  const platform = rng.pick(PLATFORMS[type] ?? ['Other']);
  const attachmentTypes = ATTACHMENT_TYPES[type];
  const attachments = attachmentTypes && rng.chance(0.3) ? rng.int(1, 3) : 0;
  const sentiment = rng.weighted(SENTIMENTS);
  const sentimentScore =
    sentiment === 'positive'
      ? rng.float(0.5, 1)
      : sentiment === 'neutral'
        ? rng.float(-0.2, 0.2)
        : sentiment === 'negative'
          ? rng.float(-1, -0.5)
          : rng.float(0.3, 0.8);
  const keywords = screenKeywords(`${content.subject ?? ''}\n${content.body}`);
  const risk =
    (keywords.length >= 1 ? 0.3 : 0) +
    (keywords.length > 2 ? 0.2 : 0) +
    (sentiment === 'negative' || sentiment === 'urgent' ? 0.1 : 0) +
    (attachments > 2 ? 0.1 : 0);
  return {
    label: 'communicated',
    id,
    outV: sender,
    inV: recipient,
    properties: {
      communication_id: id,
      communication_type: type,
      platform,
      timestamp: isoTimestamp(timestampMs),
      language: rng.chance(0.4) ? 'en' : rng.pick(LANGUAGES),
      subject: content.subject,
      body: content.body,
      duration_seconds: content.durationSeconds,
      has_attachments: attachments > 0,
      attachment_count: attachments,
      attachment_types: attachmentTypes
        ? Array.from({ length: attachments }, () => rng.pick(attachmentTypes))
        : [],
      sentiment_score: Math.round(sentimentScore * 1000) / 1000,
      is_encrypted: ENCRYPTED_PLATFORMS.has(platform) || rng.chance(risk > 0.5 ? 0.6 : 0.2),
      suspicious_keywords: keywords,
      risk_score: score(risk),
      is_flagged: risk > 0.6 || keywords.length > 2,
    },
  };
}

/** A message's channel and content, before it is addressed and timed. */
export interface DrawnMessage {
  readonly type: string;
  readonly content: MessageContent;
}

/**
 * What an ordinary message says and how it is sent: the channel mix, the sentence bank and, with
 * the configured rate, watch-list phrases of any category with no crime behind them (look-alikes
 * for keyword screening). A typology whose definition does not dictate the content (an insider's
 * tip-off) draws its messages here too, so only who wrote to whom, and when, sets them apart.
 */
export function drawMessage(ctx: GeneratorContext): DrawnMessage {
  const { rng, config } = ctx;
  const type = rng.weighted(TYPES);
  let content = messageContent(ctx, type);
  if (rng.chance(config.suspiciousCommunicationRate)) content = injectPhrases(ctx, content);
  return { type, content };
}

/** A background message between two distinct persons. */
export function generateCommunication(
  ctx: GeneratorContext,
  index: number,
): [EdgeRecord<'communicated'>] {
  const { rng, population } = ctx;
  const sender = rng.int(0, population.personCount - 1);
  const recipient = rng.intExcept(population.personCount, sender);
  const { type, content } = drawMessage(ctx);
  const id = formatId(EDGE_ID_PREFIX.communicated, index);
  return [
    communicationEdge(
      ctx,
      id,
      vertexId('person', sender),
      vertexId('person', recipient),
      type,
      uniformTime(ctx),
      content,
    ),
  ];
}
