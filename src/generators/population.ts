import type { GraphRecord } from '../model/index.js';

/**
 * A compact, read-mostly index of the generated population: just the attributes that later stages
 * need to make real references (who owns which account, which companies are listed, who works
 * where). Filled by observing core records as they stream past, so events never hold the entities
 * themselves and memory does not grow with the number of events.
 */
export class Population {
  readonly personNationality: string[] = [];
  readonly personName: string[] = [];
  /** Annual income of the current job (base-currency units), or 0. */
  readonly personIncome: number[] = [];
  /** Company index of the current employer, or -1. */
  readonly personEmployer: number[] = [];
  readonly companyName: string[] = [];
  readonly companyCountry: string[] = [];
  readonly companyIndustry: string[] = [];
  readonly listedCompanies: number[] = [];
  readonly companyTicker = new Map<number, { ticker: string; exchange: string }>();
  readonly employeesOf = new Map<number, number[]>();
  readonly officersOf = new Map<number, number[]>();
  /** Role of each officer (ceo, cfo, director…) by `${company}:${person}`: executives are told apart. */
  readonly officerRoles = new Map<string, string>();
  readonly relatedOf = new Map<number, number[]>();
  /** Persons flagged PEP. */
  readonly pepPersons = new Set<number>();
  /** Per company, the percentage of its shares background holders hold (holds_share). */
  readonly sharesHeld = new Map<number, number>();
  /** 0 = person, 1 = company. */
  accountOwnerKind = new Uint8Array(0);
  accountOwnerIndex = new Int32Array(0);
  readonly accountCurrency: string[] = [];
  readonly accountType: string[] = [];
  readonly accountCountry: string[] = [];
  readonly accountsOfPerson = new Map<number, number[]>();
  readonly accountsOfCompany = new Map<number, number[]>();
  /** Person-owned accounts of type investment: the usual traders. */
  readonly investmentAccounts: number[] = [];
  readonly deviceIp: string[] = [];
  readonly deviceCountry: string[] = [];

  /**
   * Counts are totals: background entities plus those typologies add. `added` holds, per label,
   * the indexes typologies added, so background behaviour (e.g. device ownership) can skip them.
   */
  constructor(
    readonly personCount: number,
    readonly companyCount: number,
    readonly accountCount: number,
    readonly deviceCount: number,
    readonly added: Readonly<
      Record<'person' | 'company' | 'account' | 'device', ReadonlySet<number>>
    > = {
      person: new Set(),
      company: new Set(),
      account: new Set(),
      device: new Set(),
    },
  ) {
    this.accountOwnerKind = new Uint8Array(accountCount);
    this.accountOwnerIndex = new Int32Array(accountCount);
  }

  /** Records what later stages need from a core record. Event records are ignored. */
  observe(record: GraphRecord, index: number): void {
    switch (record.label) {
      case 'company': {
        const c = record.properties;
        this.companyName[index] = c.legal_name;
        this.companyCountry[index] = c.registration_country;
        this.companyIndustry[index] = c.industry;
        if (c.is_public && c.stock_ticker !== null && c.stock_exchange !== null) {
          this.listedCompanies.push(index);
          this.companyTicker.set(index, { ticker: c.stock_ticker, exchange: c.stock_exchange });
        }
        break;
      }
      case 'person': {
        const person = record.properties;
        this.personNationality[index] = person.nationality;
        this.personName[index] = person.full_name;
        this.personEmployer[index] = -1;
        this.personIncome[index] = person.annual_income ?? 0;
        if (person.is_pep) this.pepPersons.add(index);
        break;
      }
      case 'employed_by': {
        const person = indexOf(record.outV);
        const company = indexOf(record.inV);
        this.personEmployer[person] = company;
        push(this.employeesOf, company, person);
        break;
      }
      case 'officer_of':
        push(this.officersOf, indexOf(record.inV), indexOf(record.outV));
        this.officerRoles.set(
          `${indexOf(record.inV)}:${indexOf(record.outV)}`,
          record.properties.role,
        );
        break;
      case 'holds_share': {
        const company = indexOf(record.inV);
        const held = (this.sharesHeld.get(company) ?? 0) + record.properties.percentage;
        this.sharesHeld.set(company, held);
        break;
      }
      case 'related_to':
        push(this.relatedOf, indexOf(record.outV), indexOf(record.inV));
        push(this.relatedOf, indexOf(record.inV), indexOf(record.outV));
        break;
      case 'account': {
        const a = record.properties;
        const ownerIndex = indexOf(a.owner_id);
        const isPerson = a.owner_type === 'person';
        this.accountOwnerKind[index] = isPerson ? 0 : 1;
        this.accountOwnerIndex[index] = ownerIndex;
        this.accountCurrency[index] = a.currency;
        this.accountType[index] = a.account_type;
        this.accountCountry[index] = a.bank_country;
        push(isPerson ? this.accountsOfPerson : this.accountsOfCompany, ownerIndex, index);
        if (isPerson && a.account_type === 'investment') this.investmentAccounts.push(index);
        break;
      }
      case 'device':
        this.deviceIp[index] = record.properties.ip_address;
        this.deviceCountry[index] = record.properties.country;
        break;
      default:
        break;
    }
  }

  /**
   * The IP address of device `device`, which the device stage has recorded before any typology
   * asks for it; a missing one is a bug in the stage order, not data to paper over.
   */
  ipOf(device: number): string {
    const ip = this.deviceIp[device];
    if (ip === undefined) throw new Error(`population: device ${device} has no IP address yet`);
    return ip;
  }

  /** The country device `device` is seen from; like {@link ipOf}, a missing one is a bug. */
  countryOfDevice(device: number): string {
    const country = this.deviceCountry[device];
    if (country === undefined) throw new Error(`population: device ${device} has no country yet`);
    return country;
  }

  /**
   * The country of account `account`'s bank, recorded by the account stage before any event is
   * generated; a missing one is a bug in the stage order.
   */
  countryOfAccount(account: number): string {
    const country = this.accountCountry[account];
    if (country === undefined) throw new Error(`population: account ${account} has no country yet`);
    return country;
  }

  /**
   * The index of the `ordinal`-th entity of `label` that no typology added: background entities
   * are numbered densely even though typology slots sit among them.
   */
  backgroundIndex(label: 'person' | 'company' | 'account', ordinal: number): number {
    const added = this.sortedAdded(label);
    let index = ordinal;
    for (const a of added) {
      if (a <= index) index++;
      else break;
    }
    return index;
  }

  /** How many background entities of `label` come before `index`. */
  backgroundOrdinal(label: 'person' | 'company' | 'account', index: number): number {
    const added = this.sortedAdded(label);
    let below = 0;
    while (below < added.length && (added[below] as number) < index) below++;
    return index - below;
  }

  private readonly sortedAddedCache = new Map<string, readonly number[]>();

  private sortedAdded(label: 'person' | 'company' | 'account'): readonly number[] {
    let sorted = this.sortedAddedCache.get(label);
    if (sorted === undefined) {
      sorted = [...this.added[label]].sort((a, b) => a - b);
      this.sortedAddedCache.set(label, sorted);
    }
    return sorted;
  }

  /** The devices of person p: p, p + P, p + 2P … below the device count, except attackers' devices. */
  devicesOfPerson(person: number): number[] {
    const devices: number[] = [];
    for (let d = person; d < this.deviceCount; d += this.personCount) {
      if (!this.added.device.has(d)) devices.push(d);
    }
    return devices;
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The generation index encoded in an id (the digits after the 3-letter prefix). */
export function indexOf(id: string): number {
  return Number.parseInt(id.slice(3), 10);
}
