import { p } from '../property-kinds.js';

/** person → travel. */
export const traveledShape = {
  travel_id: p.keyword('business id of the trip'),
} as const;

/** account → device: one login attempt. */
export const loggedInShape = {
  login_id: p.keyword('business id'),
  timestamp: p.timestamp('when the attempt was made'),
  ip_address: p.keyword('IPv4 address of the attempt'),
  ip_country: p.keyword('ISO-2 country of the IP'),
  channel: p.keyword('web | mobile_app'),
  auth_method: p.keyword('password | otp | biometric | sms_code'),
  success: p.boolean('whether the attempt succeeded'),
  failure_reason: p.optional(p.keyword('invalid_password | account_locked | invalid_otp')),
} as const;

/** company → document. */
export const issuedShape = {
  document_id: p.keyword('business id of the document'),
  timestamp: p.timestamp('issue time'),
} as const;

/** document → company. */
export const billedToShape = {
  document_id: p.keyword('business id of the document'),
  timestamp: p.timestamp('issue time'),
} as const;
