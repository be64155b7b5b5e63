/** Crypto-asset codes banks and exchanges use, none of them ISO 4217. */
export const CRYPTO_CURRENCIES: ReadonlySet<string> = new Set([
  'BTC',
  'XBT',
  'ETH',
  'USDT',
  'USDC',
  'XRP',
  'BNB',
  'SOL',
  'ADA',
  'DOGE',
  'DAI',
  'LTC',
  'TRX',
  'DOT',
  'XMR',
]);

/** ISO 4217 currency codes, as the ICU data built into Node knows them. */
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether an account currency is a crypto-asset: a known crypto code, or any code that is not an
 * ISO 4217 currency (the ICU list leaves out only funds and precious-metal units, codes X…, which
 * no bank account here is in).
 */
export function isCryptoCurrency(code: string): boolean {
  return CRYPTO_CURRENCIES.has(code) || (!ISO_4217.has(code) && !/^X[A-Z]{2}$/.test(code));
}
