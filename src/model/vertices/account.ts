import { p } from '../property-kinds.js';

/** A bank account held by a person or a company. */
export const accountShape = {
  account_id: p.keyword('business id'),
  account_number: p.keyword('001 + 9 digits'),
  account_type: p.keyword(
    'checking | savings | investment | credit_card | loan | mortgage | business',
  ),
  currency: p.keyword('ISO-4217 (or crypto) code'),
  owner_id: p.keyword('primary owner (person_id or company_id), also the owns edge'),
  owner_type: p.keyword('person | company'),
  bank_name: p.name('bank name'),
  bank_country: p.keyword('ISO-2 country of the bank, from the currency'),
  branch_name: p.keyword('branch'),
  branch_code: p.keyword('3-digit branch code'),
  iban: p.keyword('IBAN-shaped string (checksum not valid)'),
  swift_code: p.keyword('SWIFT/BIC-shaped string'),
  routing_number: p.optional(p.keyword('9 digits, USD accounts only')),
  status: p.keyword('active | dormant | frozen | closed'),
  opened_date: p.date('date opened'),
  closed_date: p.optional(p.date('date closed, never after the reference date')),
  current_balance: p.double('balance in the account currency'),
  available_balance: p.double('available balance'),
  credit_limit: p.optional(p.double('credit limit (credit card, loan, mortgage)')),
  is_dormant: p.boolean('dormant'),
  is_monitored: p.boolean('under enhanced monitoring'),
  monitoring_reason: p.optional(p.keyword('why it is monitored')),
  kyc_verified: p.boolean('KYC done'),
  aml_verified: p.boolean('AML screening done'),
  risk_score: p.double('account risk score 0..1'),
  risk_level: p.keyword('low | medium | high | critical'),
} as const;
