/**
 * Countries where geographic smurfing deposits cash, with cities that have bank branches. Their
 * thresholds differ in amount and currency (US, GB, euro area, CA, AU, SG, HK, JP, CH), so each
 * deposit is kept under the threshold of the country it is made in.
 */
export const DEPOSIT_CITIES: Readonly<Record<string, readonly string[]>> = {
  US: ['New York', 'Miami', 'Los Angeles', 'Houston'],
  GB: ['London', 'Manchester', 'Birmingham'],
  DE: ['Frankfurt', 'Berlin', 'Hamburg'],
  FR: ['Paris', 'Lyon', 'Marseille'],
  IT: ['Milan', 'Rome', 'Naples'],
  ES: ['Madrid', 'Barcelona', 'Valencia'],
  NL: ['Amsterdam', 'Rotterdam'],
  BE: ['Brussels', 'Antwerp'],
  AT: ['Vienna', 'Graz'],
  CA: ['Toronto', 'Vancouver', 'Montreal'],
  AU: ['Sydney', 'Melbourne', 'Perth'],
  SG: ['Singapore'],
  HK: ['Hong Kong'],
  JP: ['Tokyo', 'Osaka'],
  CH: ['Zurich', 'Geneva', 'Lugano'],
};

export const DEPOSIT_COUNTRIES: readonly string[] = Object.keys(DEPOSIT_CITIES);
