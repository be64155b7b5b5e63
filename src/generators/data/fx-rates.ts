/**
 * The one FX reference table: US dollars per unit of each currency, fixed and dated, so every
 * conversion in a run (transfer amounts, `amount_base`, cross-currency `amount_local`, structuring
 * thresholds) agrees with every other.
 *
 * Source and date: the European Central Bank's euro foreign exchange reference rates of
 * 2 January 2024 (USD 1.0956 per EUR), each converted to USD per unit and rounded to 4
 * significant figures. Currencies the ECB does not quote take the official or peg rate of the
 * same week published by their central bank (AED 3.6725, SAR 3.75, QAR 3.64 per USD are pegs;
 * TWD, VND, PKR, BDT, KWD, EGP, NGN, KES, MAD, ARS, CLP, COP, PEN, RUB from the central banks'
 * reference rates, rounded). Currencies of the offshore centres that use the US dollar or the
 * euro are not listed: they use those. Crypto-assets are not currencies a bank account is held in
 * and are not in the table.
 */
export const FX_REFERENCE_DATE = '2024-01-02';

export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.0956,
  GBP: 1.262,
  JPY: 0.007025,
  CHF: 1.179,
  CAD: 0.7515,
  AUD: 0.6766,
  NZD: 0.6282,
  CNY: 0.1401,
  HKD: 0.128,
  SGD: 0.7539,
  INR: 0.01201,
  KRW: 0.000772,
  TWD: 0.0326,
  THB: 0.0291,
  MYR: 0.2171,
  IDR: 0.0000646,
  PHP: 0.01801,
  VND: 0.0000412,
  PKR: 0.00356,
  BDT: 0.00909,
  SEK: 0.0984,
  NOK: 0.0977,
  DKK: 0.147,
  PLN: 0.2519,
  CZK: 0.04444,
  HUF: 0.002875,
  RON: 0.2203,
  TRY: 0.03369,
  ILS: 0.2754,
  AED: 0.2723,
  SAR: 0.2667,
  QAR: 0.2747,
  KWD: 3.252,
  EGP: 0.03236,
  ZAR: 0.05395,
  NGN: 0.00111,
  KES: 0.00625,
  MAD: 0.101,
  BRL: 0.2045,
  MXN: 0.05864,
  ARS: 0.001235,
  CLP: 0.001136,
  COP: 0.000256,
  PEN: 0.27,
  RUB: 0.0111,
};

/** Currencies counted without minor units (ISO 4217 exponent 0 among those above). */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'JPY',
  'KRW',
  'VND',
  'IDR',
  'CLP',
]);
