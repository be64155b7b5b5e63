import { option } from '../option.js';

export interface AccountTakeoverConfig {
  readonly catoPatterns: number;
}

export const ACCOUNT_TAKEOVER_OPTIONS = [
  option('catoPatterns', 'count', 'typologies', 'coordinated account-takeover instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const ACCOUNT_TAKEOVER_DEFAULTS: AccountTakeoverConfig = {
  catoPatterns: 0,
};
