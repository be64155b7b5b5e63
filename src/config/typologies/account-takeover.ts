import { option } from '../option.js';

export interface AccountTakeoverConfig {
  readonly catoPatterns: number;
  readonly catoMinVictims: number;
  readonly catoMaxVictims: number;
  readonly catoMinAttackers: number;
  readonly catoMaxAttackers: number;
  readonly catoMinFailedLogins: number;
  readonly catoMaxFailedLogins: number;
  readonly catoMaxTransferDelayMinutes: number;
  readonly catoCampaignDays: number;
  readonly catoPhishingCompromiseRate: number;
}

export const ACCOUNT_TAKEOVER_OPTIONS = [
  option(
    'catoPatterns',
    'count',
    'typologies',
    'coordinated account-takeover instances (credential stuffing, session hijacking, SIM swap, phishing, malware, in turn)',
  ),
  option(
    'catoMinVictims',
    'positive',
    'typologies',
    'fewest victims of an account-takeover campaign (≥ 2; phishing: targets)',
  ),
  option(
    'catoMaxVictims',
    'positive',
    'typologies',
    'most victims of an account-takeover campaign',
  ),
  option(
    'catoMinAttackers',
    'positive',
    'typologies',
    'fewest attackers (added persons, each with a drop account) of a campaign',
  ),
  option('catoMaxAttackers', 'positive', 'typologies', 'most attackers of a campaign'),
  option(
    'catoMinFailedLogins',
    'positive',
    'typologies',
    'fewest failed logins per account before a credential-stuffing success (≥ 5)',
  ),
  option(
    'catoMaxFailedLogins',
    'positive',
    'typologies',
    'most failed logins per account before a credential-stuffing success',
  ),
  option(
    'catoMaxTransferDelayMinutes',
    'positive',
    'typologies',
    'fraudulent transfers follow the takeover login within this many minutes (2–240)',
  ),
  option(
    'catoCampaignDays',
    'positive',
    'typologies',
    'length of an account-takeover campaign, days (≥ 3, within the event window)',
  ),
  option(
    'catoPhishingCompromiseRate',
    'rate',
    'typologies',
    'share of phishing targets whose accounts are taken over (> 0; at least one is)',
  ),
];

export const ACCOUNT_TAKEOVER_DEFAULTS: AccountTakeoverConfig = {
  catoPatterns: 0,
  catoMinVictims: 5,
  catoMaxVictims: 12,
  catoMinAttackers: 1,
  catoMaxAttackers: 3,
  catoMinFailedLogins: 5,
  catoMaxFailedLogins: 15,
  catoMaxTransferDelayMinutes: 30,
  catoCampaignDays: 7,
  catoPhishingCompromiseRate: 0.3,
};
