import { p } from '../property-kinds.js';

/** A trip taken by a person. */
export const travelShape = {
  travel_id: p.keyword('business id'),
  traveler_id: p.keyword('person_id of the traveller, also the traveled edge'),
  departure_country: p.keyword('ISO-2 country of departure'),
  destination_country: p.keyword('ISO-2 destination country'),
  departure_date: p.timestamp('start of the trip'),
  return_date: p.timestamp('end of the trip'),
  duration_days: p.long('whole days between departure and return'),
  booking_date: p.timestamp('when the trip was booked'),
  purpose: p.keyword('business | tourism | family_visit | conference | medical | education'),
  transport_mode: p.keyword('air | land | sea | rail'),
  flight_number: p.optional(p.keyword('flight number (air only)')),
  airline: p.optional(p.keyword('airline (air only)')),
  passport_number: p.keyword('passport used'),
  visa_required: p.boolean('visa required'),
  visa_obtained: p.boolean('visa obtained'),
  cash_declared_amount: p.optional(p.double('cash declared at the border, USD')),
  risk_indicators: p.keywords('rule-based: high-risk or tax-haven destination, brief visit'),
  risk_score: p.double('0..1'),
  flagged_for_review: p.boolean('risk > 0.6 or more than 2 indicators'),
} as const;
