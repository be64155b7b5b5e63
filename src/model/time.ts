/** Milliseconds per unit of time: timestamps are epoch milliseconds (UTC) everywhere. */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
