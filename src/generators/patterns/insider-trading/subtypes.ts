/** The insider-trading subtypes, in the order instances take them. */
export const INSIDER_TRADING_SUBTYPES = [
  'pre_announcement_trading',
  'coordinated_insider_trading',
  'executive_trading_pattern',
  'beneficial_owner_pattern',
  'tipping_pattern',
] as const;
