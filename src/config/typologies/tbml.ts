import { option } from '../option.js';

export interface TbmlConfig {
  readonly tbmlPatterns: number;
}

export const TBML_OPTIONS = [
  option('tbmlPatterns', 'count', 'typologies', 'trade-based money-laundering instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const TBML_DEFAULTS: TbmlConfig = {
  tbmlPatterns: 0,
};
