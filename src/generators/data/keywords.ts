/**
 * Watch-list phrases by category (the original's seven categories and sizes). Communications are
 * screened for them as whole words, so "wash" does not match "Washington".
 */
export const SUSPICIOUS_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  insider_trading: [
    'before the announcement', 'keep this quiet', 'not public yet', 'inside information',
    'confidential deal', 'merger news', 'earnings leak', 'buy before', 'sell before',
    'material information', 'off the record', 'heads up on the deal', 'big news coming',
    'acquisition target', 'load up on shares', 'dump the shares', "don't tell anyone",
    'embargoed results', 'tip from the board', 'private placement', 'trade ahead', 'quiet period',
  ],
  money_laundering: [
    'clean the money', 'layering', 'cash only', 'split the deposits', 'under the limit',
    'shell company', 'offshore account', 'no paperwork', 'structure the payments', 'smurfs',
    'wash the funds', 'round trip', 'nominee director', 'bearer shares', 'hawala',
    'mixing service', 'untraceable', 'placement', 'integration', 'loan back',
    'cash courier', 'invoice padding',
  ],
  fraud: [
    'fake invoice', 'forged signature', 'phantom vendor', 'kickback', 'double billing',
    'ghost employee', 'bust out', 'synthetic identity', 'stolen credentials', 'account takeover',
    'one time code', 'verify your account', 'urgent wire', 'change of bank details',
    'gift cards', 'money mule', 'reshipping', 'chargeback', 'kite the checks',
  ],
  sanctions_evasion: [
    'embargo', 'sanctioned entity', 'front company', 'transshipment', 'dual use',
    'end user certificate', 'avoid the list', 'third country routing', 'flag of convenience',
    'ship to ship transfer', 'turn off the transponder', 'relabel the cargo', 'proxy buyer',
    'blocked person', 'through dubai', 'strip the references', 'no us dollars', 'cover payment',
  ],
  tax_evasion: [
    'hide from the tax', 'undeclared income', 'offshore trust', 'tax haven', 'off the books',
    'cash payroll', 'skim', 'second set of books', 'numbered account', 'bearer bonds',
    'transfer pricing', 'fake expenses', 'unreported', 'secret account', 'nominee account',
    'avoid reporting',
  ],
  market_manipulation: [
    'pump and dump', 'spoofing', 'wash trade', 'paint the tape', 'corner the market',
    'marking the close', 'layered orders', 'push the price', 'coordinated buying',
    'fake volume', 'short and distort', 'front running', 'ramp the stock',
  ],
  bribery_corruption: [
    'bribe', 'kickback', 'facilitation payment', 'consulting fee', 'success fee',
    'under the table', 'grease the wheels', 'gift for the minister', 'political contribution',
    'side payment', 'commission for the official', 'envelope', 'make it worth', 'donation to',
    'special arrangement', 'personal favour',
  ],
};

export const KEYWORD_CATEGORIES: readonly string[] = Object.keys(SUSPICIOUS_KEYWORDS);
