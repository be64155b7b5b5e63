import { option } from '../option.js';

export interface StructuringConfig {
  readonly structuringPatterns: number;
}

export const STRUCTURING_OPTIONS = [
  option('structuringPatterns', 'count', 'typologies', 'structuring / smurfing instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const STRUCTURING_DEFAULTS: StructuringConfig = {
  structuringPatterns: 0,
};
