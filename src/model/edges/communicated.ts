import { p } from '../property-kinds.js';

/** person → person: one message or call. */
export const communicatedShape = {
  communication_id: p.keyword('business id'),
  communication_type: p.keyword('email | sms | phone | chat | social_media | video'),
  platform: p.keyword('platform per channel'),
  timestamp: p.timestamp('when it was sent'),
  language: p.keyword('ISO-639-1'),
  subject: p.optional(p.text('subject (email only)')),
  body: p.text('content, or a call summary'),
  duration_seconds: p.optional(p.long('duration (phone and video)')),
  has_attachments: p.boolean('has attachments'),
  attachment_count: p.long('number of attachments'),
  attachment_types: p.keywords('file types of attachments'),
  sentiment_score: p.double('-1..1'),
  is_encrypted: p.boolean('end-to-end encrypted platform or encrypted message'),
  suspicious_keywords: p.keywords('watch-list phrases found as whole words in subject or body'),
  risk_score: p.double('rule-based risk 0..1'),
  is_flagged: p.boolean('flagged by keyword screening'),
} as const;
