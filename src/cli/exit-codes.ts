/**
 * The CLI's exit codes, as the README's table lists them. Bad input is refused with `usage`
 * before anything is written or connected; `failure` is something that went wrong while running.
 */
export const EXIT = {
  ok: 0,
  /** A failure at run time: a server that does not answer, elements a backend refused, a write error. */
  failure: 1,
  /** Bad input: an unknown command or option, a value outside its rule, a missing input directory. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM; nothing half-written is kept. */
  interrupted: 130,
} as const;
