import { option } from '../option.js';

export interface TbmlConfig {
  readonly tbmlPatterns: number;
  readonly tbmlMinShipments: number;
  readonly tbmlMaxShipments: number;
  readonly tbmlMaxDuplicateInvoices: number;
  readonly tbmlCarouselMinCompanies: number;
  readonly tbmlCarouselMaxCompanies: number;
}

export const TBML_OPTIONS = [
  option(
    'tbmlPatterns',
    'count',
    'typologies',
    'trade-based money-laundering instances (over-invoicing, under-invoicing, phantom shipping, multiple invoicing, carousel, in turn)',
  ),
  option(
    'tbmlMinShipments',
    'positive',
    'typologies',
    'fewest invoiced shipments of an over-/under-invoicing or phantom-shipping scheme',
  ),
  option(
    'tbmlMaxShipments',
    'positive',
    'typologies',
    'most invoiced shipments of an over-/under-invoicing or phantom-shipping scheme',
  ),
  option(
    'tbmlMaxDuplicateInvoices',
    'positive',
    'typologies',
    'most invoices billed for one shipment in a multiple-invoicing scheme (≥ 2)',
  ),
  option(
    'tbmlCarouselMinCompanies',
    'positive',
    'typologies',
    'fewest companies in a carousel (≥ 3)',
  ),
  option('tbmlCarouselMaxCompanies', 'positive', 'typologies', 'most companies in a carousel'),
];

export const TBML_DEFAULTS: TbmlConfig = {
  tbmlPatterns: 0,
  tbmlMinShipments: 2,
  tbmlMaxShipments: 6,
  tbmlMaxDuplicateInvoices: 4,
  tbmlCarouselMinCompanies: 3,
  tbmlCarouselMaxCompanies: 5,
};
