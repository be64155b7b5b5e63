import { p } from '../property-kinds.js';

/** A device seen at logins: a customer's phone or laptop, or an attacker's bot. */
export const deviceShape = {
  device_id: p.keyword('business id'),
  device_type: p.keyword('mobile | desktop | tablet'),
  os: p.keyword('operating system'),
  user_agent: p.text('user agent string'),
  fingerprint: p.keyword('device fingerprint hash'),
  ip_address: p.keyword('IPv4 address the device is usually seen from'),
  country: p.keyword('ISO-2 country the device is usually seen from'),
  first_seen: p.timestamp('first login from this device'),
} as const;
