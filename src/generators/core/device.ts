import { vertexId, type VertexRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { identifiers } from '../identifiers.js';
import { isoTimestamp, MS_PER_DAY } from '../time.js';

const OS_BY_TYPE = {
  mobile: ['iOS 17', 'iOS 18', 'Android 13', 'Android 14'],
  desktop: ['Windows 11', 'Windows 10', 'macOS 14', 'Ubuntu 22.04'],
  tablet: ['iPadOS 17', 'Android 14'],
} as const;

/** An attacker's device, added by a typology: seen for the first time shortly before the attack. */
export interface DeviceOverrides {
  readonly country: string;
  readonly firstSeenMs: number;
}

/**
 * A customer device. Device d belongs to person d mod person_count (devices a typology adds
 * belong to no customer); it is usually seen from one IP in the owner's nationality.
 */
export function generateDevice(
  ctx: GeneratorContext,
  index: number,
  overrides?: DeviceOverrides,
): [VertexRecord<'device'>] {
  const { rng, faker, time, population } = ctx;
  const owner = index % population.personCount;
  const type = rng.weighted([
    ['mobile', 0.6],
    ['desktop', 0.3],
    ['tablet', 0.1],
  ] as const);
  const drawnFirstSeen =
    time.referenceMs - rng.int(30, 3 * 365) * MS_PER_DAY - rng.int(0, 86_399) * 1000;
  const id = vertexId('device', index);
  return [
    {
      label: 'device',
      id,
      properties: {
        device_id: id,
        device_type: type,
        os: rng.pick(OS_BY_TYPE[type]),
        user_agent: faker.internet.userAgent(),
        fingerprint: rng.hex(32),
        ip_address: identifiers.ipv4(rng),
        country: overrides?.country ?? population.personNationality[owner] ?? 'US',
        first_seen: isoTimestamp(overrides?.firstSeenMs ?? drawnFirstSeen),
      },
    },
  ];
}
