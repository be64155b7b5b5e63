// For each typology of the registry: the public description it follows, its defining invariant
// and the unit test that checks that invariant. docs/typologies.md is generated from this and
// from the registry (`npm run docs`); test/unit/docs.test.ts fails when a typology has no entry
// or an entry names a test file that does not exist.
//
// Only documents whose title and year are certain are cited. Subtypes and their mechanics come
// from the system fingraph replaces (davidleconte/hcd-janusgraph, banking/data_generators).

/** @type {Readonly<Record<string, {follows: string, invariant: string, test: string}>>} */
export const TYPOLOGY_REFERENCES = {
  insider_trading: {
    follows:
      'EU Market Abuse Regulation (Regulation (EU) No 596/2014), art. 7–10: inside information, insider dealing, unlawful disclosure (tipping); FATF, *Money Laundering and Terrorist Financing in the Securities Sector* (2009)',
    invariant:
      'every labelled trade is in the issuer of a material announcement, before the announcement, on the profitable side, and made by an insider of the issuer or by a person an insider communicated with before the trade',
    test: 'test/unit/typologies/insider-trading.test.ts',
  },
  tbml: {
    follows:
      'FATF, *Trade Based Money Laundering* (2006); FATF and Egmont Group, *Trade-Based Money Laundering: Trends and Developments* (2020); carousel: FATF, *Laundering the Proceeds of VAT Carousel Fraud* (2007)',
    invariant:
      'every payment equals the total of the invoice it pays; over-invoiced unit prices are 2–10× and under-invoiced 0.1–0.5× the market price on the bill of lading; no bill of lading exists for a phantom shipment; a carousel’s goods and payments return to their origin',
    test: 'test/unit/typologies/tbml.test.ts',
  },
  fraud_ring: {
    follows:
      'FATF, *Illicit Financial Flows from Cyber-Enabled Fraud* (2023) for mule networks and account takeover; Federal Reserve, *Synthetic Identity Fraud in the U.S. Payment System* (2019); bust-out and check kiting: FFIEC *BSA/AML Examination Manual*, appendix F (red flags)',
    invariant:
      'each victim payment reaches the hub within 6 h through a new mule; ring accounts send only after a successful attacker login; synthetic identities share an identity fragment; a bust-out burst is ≥ the burst factor × the largest build-up payment, then nothing; kited checks go round a cycle of banks, each larger than the last',
    test: 'test/unit/typologies/fraud-ring.test.ts',
  },
  mule_chain: {
    follows:
      'FATF, *Illicit Financial Flows from Cyber-Enabled Fraud* (2023): authorised push payment fraud laundered through a chain of money mules',
    invariant:
      'the chain is victim → mules → cash-out; each hop follows the previous within the configured delay and forwards 94–98 % of what it received',
    test: 'test/unit/typologies/mule-chain.test.ts',
  },
  structuring: {
    follows:
      'United States, 31 U.S.C. § 5324 (structuring) and the currency transaction report threshold of 31 CFR § 1010.311; FATF, *Money Laundering through the Physical Transportation of Cash* (2015)',
    invariant:
      'every deposit is below the reporting threshold of its own country and currency, and the deposits of one instance sum above it',
    test: 'test/unit/typologies/structuring.test.ts',
  },
  account_takeover: {
    follows:
      'FinCEN, *Advisory to Financial Institutions on Cyber-Events and Cyber-Enabled Crime* (2016); FATF, *Illicit Financial Flows from Cyber-Enabled Fraud* (2023)',
    invariant:
      'every labelled transfer follows a successful login from an attacker device or IP (after failed attempts, a phishing or SIM-swap message, or the victim’s own device from an unusual IP, per subtype) within minutes',
    test: 'test/unit/typologies/account-takeover.test.ts',
  },
  ownership_chain: {
    follows:
      'FATF and Egmont Group, *Concealment of Beneficial Ownership* (2018); the 25 % beneficial-ownership threshold of Directive (EU) 2015/849, art. 3(6), and of FinCEN’s customer due diligence rule, 31 CFR § 1010.230',
    invariant:
      'every chain’s stakes multiply to its recorded effective ownership; the regulatory-threshold chains straddle the configured threshold; circular ownership contains a directed cycle of holds_share edges',
    test: 'test/unit/typologies/ownership-chain.test.ts',
  },
  fan_out: {
    follows:
      'Altman et al., *Realistic Synthetic Financial Transactions for Anti-Money Laundering Models* (NeurIPS Datasets and Benchmarks, 2023): the AMLworld fan-out pattern',
    invariant:
      'one source pays N distinct targets inside one graph window; a funded fan-out first receives one large inflow and pays out 90–100 % of it',
    test: 'test/unit/typologies/graph.test.ts',
  },
  fan_in: {
    follows: 'Altman et al. (2023), AMLworld: fan-in',
    invariant: 'N distinct sources pay one target, all inside one graph window',
    test: 'test/unit/typologies/graph.test.ts',
  },
  cycle: {
    follows: 'Altman et al. (2023), AMLworld: cycle',
    invariant:
      'k distinct accounts, each hop later than the previous, the last hop back to the origin, each amount the previous less the fee',
    test: 'test/unit/typologies/graph.test.ts',
  },
  scatter_gather: {
    follows: 'Altman et al. (2023), AMLworld: scatter-gather',
    invariant:
      'each intermediary forwards what it received less the cut, after it received it, to the one target',
    test: 'test/unit/typologies/graph.test.ts',
  },
  gather_scatter: {
    follows: 'Altman et al. (2023), AMLworld: gather-scatter',
    invariant: 'the hub pays out only after all its receipts, what came in less the cut',
    test: 'test/unit/typologies/graph.test.ts',
  },
  bipartite: {
    follows: 'Altman et al. (2023), AMLworld: bipartite',
    invariant: 'transfers run only from the originator set to the beneficiary set',
    test: 'test/unit/typologies/graph.test.ts',
  },
  stack: {
    follows: 'Altman et al. (2023), AMLworld: stack',
    invariant:
      'transfers run only from one layer to the next; each account pays after it received, less the cut',
    test: 'test/unit/typologies/graph.test.ts',
  },
  peel_chain: {
    follows:
      'Meiklejohn et al., *A Fistful of Bitcoins: Characterizing Payments Among Men with No Names* (ACM IMC, 2013): peeling chains',
    invariant:
      'the main amounts strictly decrease hop by hop, and at each hop main + peel = the amount received',
    test: 'test/unit/typologies/graph.test.ts',
  },
};
