import { vertexId, type EdgeRecord, type VertexRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { COUNTRY_CODES, isHighRisk, isTaxHaven } from '../data/countries.js';
import { cents, score } from '../money.js';
import { pickOther } from '../pick.js';
import { isoTimestamp, MS_PER_DAY } from '../time.js';

const PURPOSES = [
  ['business', 0.4],
  ['tourism', 0.35],
  ['family_visit', 0.15],
  ['conference', 0.05],
  ['medical', 0.03],
  ['education', 0.02],
] as const;
const MODES = [
  ['air', 0.75],
  ['land', 0.15],
  ['sea', 0.05],
  ['rail', 0.05],
] as const;
const AIRLINES = ['BA', 'LH', 'AF', 'UA', 'DL', 'AA', 'EK', 'SQ', 'CX', 'QR', 'KL', 'TK'];

export interface TripParts {
  readonly traveler: number;
  readonly destination: string;
  readonly departureMs: number;
  readonly days: number;
  readonly purpose?: string;
}

/** A trip vertex and its traveled edge; risk indicators are computed from the trip itself. */
export function trip(
  ctx: GeneratorContext,
  index: number,
  parts: TripParts,
): [VertexRecord<'travel'>, EdgeRecord<'traveled'>] {
  const { rng, population } = ctx;
  const departure = population.personNationality[parts.traveler] ?? 'US';
  const destination =
    parts.destination === departure ? pickOther(rng, COUNTRY_CODES, departure) : parts.destination;
  const mode = rng.weighted(MODES);
  const purpose = parts.purpose ?? rng.weighted(PURPOSES);
  const indicators: string[] = [];
  if (isHighRisk(destination)) indicators.push('high_risk_destination');
  if (isTaxHaven(destination)) indicators.push('tax_haven_destination');
  if (parts.days <= 2 && (isHighRisk(destination) || isTaxHaven(destination)))
    indicators.push('brief_visit_sensitive_location');
  if (purpose === 'tourism' && isHighRisk(destination))
    indicators.push('tourism_to_high_risk_country');
  const cashDeclared = rng.chance(0.03) ? cents(rng.float(5_000, 50_000)) : null;
  if (cashDeclared !== null) indicators.push('cash_declared');
  const risk =
    (indicators.length >= 1 ? 0.3 : 0) +
    (indicators.length > 2 ? 0.2 : 0) +
    (isHighRisk(destination) ? 0.2 : 0) +
    (isTaxHaven(destination) ? 0.15 : 0) +
    (parts.days <= 2 ? 0.1 : 0) +
    (purpose === 'business' && isHighRisk(destination) ? 0.05 : 0);
  const visaRequired = rng.chance(0.3);
  const id = vertexId('travel', index);
  const travelerId = vertexId('person', parts.traveler);
  return [
    {
      label: 'travel',
      id,
      properties: {
        travel_id: id,
        traveler_id: travelerId,
        departure_country: departure,
        destination_country: destination,
        departure_date: isoTimestamp(parts.departureMs),
        return_date: isoTimestamp(parts.departureMs + parts.days * MS_PER_DAY),
        duration_days: parts.days,
        booking_date: isoTimestamp(parts.departureMs - rng.int(1, 60) * MS_PER_DAY),
        purpose,
        transport_mode: mode,
        flight_number: mode === 'air' ? `${rng.pick(AIRLINES)}${rng.int(10, 9999)}` : null,
        airline: mode === 'air' ? rng.pick(AIRLINES) : null,
        passport_number:
          departure === 'US' || departure === 'GB' ? rng.digits(9) : rng.letters(2) + rng.digits(7),
        visa_required: visaRequired,
        visa_obtained: visaRequired ? rng.chance(0.95) : true,
        cash_declared_amount: cashDeclared,
        risk_indicators: indicators,
        risk_score: score(risk),
        flagged_for_review: risk > 0.6 || indicators.length > 2,
      },
    },
    { label: 'traveled', id, outV: travelerId, inV: id, properties: { travel_id: id } },
  ];
}

/**
 * A background trip by a random person: departing from their nationality to another country,
 * within the window (trips may end after the reference date, as bookings do), 1–30 days long.
 */
export function generateTravel(
  ctx: GeneratorContext,
  index: number,
): [VertexRecord<'travel'>, EdgeRecord<'traveled'>] {
  const { rng, time, population } = ctx;
  const traveler = rng.int(0, population.personCount - 1);
  const departureMs =
    time.windowStartMs + Math.floor(rng.next() * (time.referenceMs - time.windowStartMs));
  return trip(ctx, index, {
    traveler,
    destination: rng.pick(COUNTRY_CODES),
    departureMs,
    days: rng.int(1, 30),
  });
}
