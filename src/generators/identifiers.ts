import type { Rng } from '../random/index.js';

/** Fake but well-shaped bank and tax identifiers (checksums are not valid, on purpose). */
export const identifiers = {
  accountNumber: (rng: Rng) => '001' + rng.digits(9),
  iban: (rng: Rng, country: string) =>
    `${country}${rng.int(10, 99)}${rng.digits(4)}${rng.digits(10)}`,
  swift: (rng: Rng, country: string) =>
    rng.letters(4) +
    country +
    rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 2) +
    rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 3),
  personTaxId: (rng: Rng, nationality: string) => {
    if (nationality === 'US') return `${rng.digits(3)}-${rng.digits(2)}-${rng.digits(4)}`;
    if (nationality === 'GB') return rng.letters(2) + rng.digits(6) + rng.letters(1);
    return rng.digits(9);
  },
  companyTaxId: (rng: Rng, country: string) =>
    country === 'US' ? `${rng.digits(2)}-${rng.digits(7)}` : rng.letters(2) + rng.digits(9),
  registrationNumber: (rng: Rng, country: string) => {
    if (country === 'US') return `${rng.digits(2)}-${rng.digits(7)}`;
    if (country === 'GB') return rng.digits(8);
    return rng.letters(2) + rng.digits(6);
  },
  lei: (rng: Rng) => rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20),
  ticker: (rng: Rng) => rng.letters(4),
  ipv4: (rng: Rng) =>
    `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
};
