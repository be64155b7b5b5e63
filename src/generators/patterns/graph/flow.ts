import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import type { Purpose } from '../../data/payment-purposes.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import { cashOutPayments } from '../cash-out.js';
import { ownerOf } from '../participants.js';
import { patternTransfer } from '../ring/transfer.js';
import type { PatternOutput, PatternSlots } from '../typology.js';
import { fromCents } from './amounts.js';

/**
 * How a transfer is booked. Left free, laundering money takes a cover purpose (and that purpose's
 * type) as honest payments between the same kinds of holder do: see cover-purpose.ts.
 */
export interface Booking {
  readonly type?: string;
  readonly purpose?: Purpose;
}

/**
 * The money movements of one pattern instance, in the order they are booked: each `pay` takes
 * the next reserved transfer slot, so the units come out in slot order and their number is
 * exactly the number of payments. Also remembers the role each account plays.
 */
export class Flow {
  readonly transfers: EdgeRecord<'transfer'>[] = [];
  readonly times: number[] = [];
  private readonly roles: { account: number; role: string }[] = [];
  /** Transfers of the shape itself, once a cash-out follows it. */
  private shapeLength: number | undefined;

  constructor(
    private readonly ctx: GeneratorContext,
    private readonly slots: PatternSlots,
  ) {}

  /** Records that `account` plays `role` (an account may play several). */
  role(account: number, role: string): void {
    this.roles.push({ account, role });
  }

  /** Records the same role for several accounts. */
  roleAll(accounts: readonly number[], role: string): void {
    for (const account of accounts) this.role(account, role);
  }

  /**
   * Books a completed transfer of `amountCents` US cents from one account to another, paid in
   * the sending account's currency.
   */
  pay(
    from: number,
    to: number,
    atMs: number,
    amountCents: number,
    booking: Booking = {},
  ): EdgeRecord<'transfer'> {
    const { ctx } = this;
    const edge = transferEdge(
      ctx,
      transferId(this.slots.event('transfer', this.transfers.length)),
      {
        from,
        to,
        timestampMs: atMs,
        amount: fromCents(amountCents),
        currency: 'USD',
        ...(booking.type === undefined ? {} : { type: booking.type }),
        status: 'completed',
        ...(booking.purpose === undefined ? {} : { purpose: booking.purpose }),
      },
    );
    this.transfers.push(edge);
    this.times.push(atMs);
    return edge;
  }

  /**
   * Books `count` cash-out payments from `from` after `afterMs` (see cash-out.ts): ATM withdrawals
   * and purchases at merchants outside the pattern. They are events of the crime but not part of
   * its shape: `total()` leaves them out.
   */
  cashOut(from: number, afterMs: number, count: number): void {
    const { ctx } = this;
    this.shapeLength = this.transfers.length;
    const own = new Set(this.roles.map((r) => r.account));
    for (const payment of cashOutPayments(ctx, from, afterMs, count, { exclude: own })) {
      this.transfers.push(patternTransfer(ctx, this.slots, this.transfers.length, payment));
      this.times.push(payment.atMs);
    }
  }

  /** Sum of the shape's amounts, in the base currency (each account pays in its own). */
  total(): number {
    return fromCents(
      this.transfers
        .slice(0, this.shapeLength ?? this.transfers.length)
        .reduce((sum, t) => sum + Math.round(t.properties.amount_base * 100), 0),
    );
  }

  /** Every account with its role, and its holder (person or company) with `<role>_holder`. */
  participants(): Participant[] {
    return this.roles.flatMap(({ account, role }) => {
      const owner = ownerOf(this.ctx, account);
      return [
        { id: vertexId('account', account), label: 'account', role },
        { id: vertexId(owner.label, owner.index), label: owner.label, role: `${role}_holder` },
      ];
    });
  }

  /** The output of a look-alike: the transfers, no links, no truth. */
  lookAlike(): PatternOutput {
    return { units: this.units(), links: [], truth: null };
  }

  /** One transfer per unit, in slot order. */
  units(): PatternOutput['units'] {
    return { transfer: this.transfers.map((t) => [t]) };
  }
}
