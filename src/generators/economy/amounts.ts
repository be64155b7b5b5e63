import type { Rng } from '../../random/index.js';
import type { Rounding } from '../data/payment-purposes.js';
import { ZERO_DECIMAL_CURRENCIES } from '../data/fx-rates.js';
import { roundToCurrency, usdPerUnit } from './fx.js';

/** A log-normal draw: `median · e^(sigma · z)`. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal(0, 1));
}

/**
 * The "nice" step (1, 2 or 5 times a power of ten) in `currency` nearest to `usd` dollars: the
 * note or rounding unit people use there (20 USD → 20, → 2,000 yen; 10 USD → 10 EUR).
 */
export function niceStep(usd: number, currency: string): number {
  const local = usd / usdPerUnit(currency);
  const power = 10 ** Math.floor(Math.log10(local));
  const mantissa = local / power;
  const nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * Rounds a drawn amount the way people pay it: cash in notes, rents and deposits to tens,
 * shop prices ending in .99, salaries and invoices to the cent. Never returns less than one step.
 */
export function roundAmount(amount: number, rounding: Rounding, currency: string): number {
  switch (rounding) {
    case 'cents':
      return Math.max(roundToCurrency(amount, currency), minorUnit(currency));
    case 'units':
      return stepRound(amount, niceStep(1, currency), currency);
    case 'tens':
      return stepRound(amount, niceStep(10, currency), currency);
    case 'fifties':
      return stepRound(amount, niceStep(50, currency), currency);
    case 'notes':
      return stepRound(amount, niceStep(20, currency), currency);
    case 'price': {
      if (ZERO_DECIMAL_CURRENCIES.has(currency))
        return stepRound(amount, niceStep(0.1, currency), currency);
      const whole = Math.max(1, Math.round(amount));
      return roundToCurrency(whole - 0.01, currency);
    }
  }
}

function minorUnit(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency) ? 1 : 0.01;
}

function stepRound(amount: number, step: number, currency: string): number {
  return roundToCurrency(Math.max(step, Math.round(amount / step) * step), currency);
}
