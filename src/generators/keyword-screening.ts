import { SUSPICIOUS_KEYWORDS } from './data/keywords.js';

const ALL_PHRASES = [...new Set(Object.values(SUSPICIOUS_KEYWORDS).flat())].sort(
  (a, b) => b.length - a.length,
);
const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WATCH_LIST = new RegExp(
  `(?<![\\w'])(?:${ALL_PHRASES.map(escape).join('|')})(?![\\w'])`,
  'gi',
);

/**
 * Watch-list phrases found in a text as whole words (case-insensitive), in order of first
 * appearance. Whole-word matching avoids the original's "wash" ⊂ "Washington" false hits.
 */
export function screenKeywords(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(WATCH_LIST)) found.add(match[0].toLowerCase());
  return [...found];
}
