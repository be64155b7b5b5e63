import type { DetectionContext, Detector, Hit } from '../detector.js';
import { groupBy, isoOf, MS_PER_HOUR, MS_PER_MINUTE, unique } from './gremlin.js';

/** Fraud watch-list phrases a phishing or social-engineering lure uses. */
export const FRAUD_PHRASES: readonly string[] = [
  'verify your account',
  'one time code',
  'stolen credentials',
  'account takeover',
  'urgent wire',
  'change of bank details',
  'gift cards',
  'money mule',
  'fake invoice',
  'forged signature',
  'phantom vendor',
  'kickback',
  'double billing',
  'ghost employee',
  'bust out',
  'synthetic identity',
  'reshipping',
  'chargeback',
  'kite the checks',
];

/** The takeover login follows the lure within this long; money moves within the hour after. */
const LURE_MS = 72 * MS_PER_HOUR;
const SESSION_MS = 60 * MS_PER_MINUTE;
const MAX_DOCS = 10_000;

type Source = Record<string, unknown>;

async function search(
  ctx: DetectionContext,
  index: string,
  query: Record<string, unknown>,
): Promise<Source[]> {
  if (!ctx.opensearch) throw new Error('this detector needs an OpenSearch connection');
  const { connection, indexPrefix } = ctx.opensearch;
  const response = (await connection.client.search({
    index: `${indexPrefix}${index}`,
    body: { size: MAX_DOCS, query },
  } as never)) as { body: { hits: { hits: { _source: Source }[] } } };
  return response.body.hits.hits.map((h) => h._source);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const ms = (v: unknown): number => Date.parse(str(v));

/**
 * Messages whose subject or body carries fraud watch-list phrases (full-text phrase search),
 * followed within 72 h by a login into one of the recipient's accounts from a device that account
 * never used, and within the hour by transfers to accounts it never paid before.
 */
export const phishingTakeoverDetector: Detector = {
  name: 'ato-phishing-lure-then-takeover-opensearch',
  typology: 'account_takeover',
  subtypes: ['phishing_campaign', 'sim_swap'],
  backend: 'opensearch',
  description:
    'a message matching fraud watch-list phrases (full text on subject/body), then within 72 h a successful login into the recipient’s account from a device it never used, then within 60 min transfers to accounts it never paid before',
  async run(ctx) {
    const lures = await search(ctx, 'communications', {
      bool: {
        should: FRAUD_PHRASES.flatMap((phrase) => [
          { match_phrase: { subject: phrase } },
          { match_phrase: { body: phrase } },
        ]),
        minimum_should_match: 1,
      },
    });
    if (lures.length === 0) return [];
    const recipients = unique(lures.map((m) => str(m['to_id'])));
    const owns = await search(ctx, 'owns', { terms: { from_id: recipients } });
    const accountsOf = groupBy(owns, (o) => str(o['from_id']));
    const accounts = unique(owns.map((o) => str(o['to_id'])));
    if (accounts.length === 0) return [];
    const logins = (await search(ctx, 'logins', { terms: { from_id: accounts } })).sort(
      (a, b) => ms(a['timestamp']) - ms(b['timestamp']),
    );
    const transfers = (await search(ctx, 'transfers', { terms: { from_id: accounts } })).sort(
      (a, b) => ms(a['timestamp']) - ms(b['timestamp']),
    );
    const loginsOf = groupBy(logins, (l) => str(l['from_id']));
    const paidBy = groupBy(transfers, (t) => str(t['from_id']));
    const hits: Hit[] = [];
    const reported = new Set<string>();
    for (const lure of lures) {
      const at = ms(lure['timestamp']);
      for (const owned of accountsOf.get(str(lure['to_id'])) ?? []) {
        const account = str(owned['to_id']);
        const history = loginsOf.get(account) ?? [];
        for (const login of history) {
          const t = ms(login['timestamp']);
          if (login['success'] !== true || t <= at || t - at > LURE_MS) continue;
          const device = str(login['to_id']);
          const usedBefore = history.some(
            (l) => l['success'] === true && ms(l['timestamp']) < t && str(l['to_id']) === device,
          );
          if (usedBefore) continue;
          const out = paidBy.get(account) ?? [];
          const payees = new Set(
            out.filter((x) => ms(x['timestamp']) < t).map((x) => str(x['to_id'])),
          );
          const moved = out.filter((x) => {
            const gap = ms(x['timestamp']) - t;
            return gap >= 0 && gap <= SESSION_MS && !payees.has(str(x['to_id']));
          });
          const loginId = str(login['login_id']);
          if (moved.length === 0 || reported.has(loginId)) continue;
          reported.add(loginId);
          hits.push({
            typology: 'account_takeover',
            entities: unique([
              str(lure['from_id']),
              str(lure['to_id']),
              account,
              device,
              ...moved.map((x) => str(x['to_id'])),
            ]),
            events: [
              str(lure['communication_id']),
              loginId,
              ...moved.map((x) => str(x['transaction_id'])),
            ],
            explanation:
              `lure ${str(lure['communication_id'])} to ${str(lure['to_id'])} at ${isoOf(at)} with fraud phrases, ` +
              `then a login into ${account} from new device ${device} at ${isoOf(t)} and ${moved.length} transfer(s) to new payees within 60 min`,
          });
        }
      }
    }
    return hits;
  },
};
