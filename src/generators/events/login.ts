import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { eventTime } from '../event-time.js';
import { isoTimestamp } from '../time.js';

export interface LoginParts {
  readonly account: number;
  readonly device: number;
  readonly timestampMs: number;
  readonly ipAddress: string;
  readonly ipCountry: string;
  readonly success: boolean;
  readonly authMethod?: string;
  readonly failureReason?: string | null;
}

export function loginEdge(
  ctx: GeneratorContext,
  id: string,
  parts: LoginParts,
): EdgeRecord<'logged_in'> {
  const { rng } = ctx;
  return {
    label: 'logged_in',
    id,
    outV: vertexId('account', parts.account),
    inV: vertexId('device', parts.device),
    properties: {
      login_id: id,
      timestamp: isoTimestamp(parts.timestampMs),
      ip_address: parts.ipAddress,
      ip_country: parts.ipCountry,
      channel: rng.chance(0.6) ? 'mobile_app' : 'web',
      auth_method:
        parts.authMethod ??
        rng.weighted([
          ['password', 0.5],
          ['biometric', 0.3],
          ['otp', 0.15],
          ['sms_code', 0.05],
        ]),
      success: parts.success,
      failure_reason: parts.success ? null : (parts.failureReason ?? 'invalid_password'),
    },
  };
}

/**
 * A background login: an account's holder signs in from one of their own devices, from the
 * device's usual IP, and succeeds 96 % of the time (typos make the rest fail). Company accounts
 * are operated from a device chosen by the company's officers' (or a random person's) devices.
 */
export function generateLogin(ctx: GeneratorContext, index: number): [EdgeRecord<'logged_in'>] {
  const { rng, population } = ctx;
  const account = rng.int(0, population.accountCount - 1);
  const owner = population.accountOwnerIndex[account] ?? 0;
  const person =
    population.accountOwnerKind[account] === 0
      ? owner
      : rng.pick(population.officersOf.get(owner) ?? [rng.int(0, population.personCount - 1)]);
  const devices = population.devicesOfPerson(person);
  // A holder without a device of their own borrows a customer device, never an attacker's.
  let device = devices.length > 0 ? rng.pick(devices) : rng.int(0, population.deviceCount - 1);
  while (population.added.device.has(device)) device = rng.int(0, population.deviceCount - 1);
  const success = rng.chance(0.96);
  return [
    loginEdge(ctx, formatId(EDGE_ID_PREFIX.logged_in, index), {
      account,
      device,
      timestampMs: eventTime(ctx),
      ipAddress: population.ipOf(device),
      ipCountry: population.countryOfDevice(device),
      success,
    }),
  ];
}
