/** Countries attacker infrastructure is seen from (fraud rings' takeovers and account takeover). */
export const ATTACKER_COUNTRIES = ['RU', 'NG', 'CN', 'RO', 'UA', 'VN', 'BR', 'ID', 'KP', 'IR'];
