/** Username and password for a backend; never printed. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** A URL safe to print: user info removed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    // Unparsable (a bad port, say): still never show what sits before an '@' in the authority.
    return url.replace(
      /^([^:/?#]*:\/\/)?[^/?#]*@/,
      (_, scheme: string | undefined) => scheme ?? '',
    );
  }
}

/** Credentials given in the URL itself (user:password@host), if any, and the URL without them. */
export function splitCredentials(url: string): { url: string; credentials?: Credentials } {
  try {
    const parsed = new URL(url);
    if (parsed.username === '') return { url };
    const credentials = {
      username: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
    };
    return { url: redactUrl(url), credentials };
  } catch {
    return { url };
  }
}

/** Runs `work`, failing with `onTimeout()` after `ms`. */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(onTimeout());
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that a backend URL parses, before any client sees it (clients echo a bad URL, password
 * included, in their errors). Returns a reason to show, or undefined when it is fine.
 */
export function invalidUrlReason(url: string): string | undefined {
  try {
    new URL(url);
    return undefined;
  } catch {
    const port = /^[a-z]+:\/\/(?:[^/?#]*@)?[^/?#:]*:([^/?#]*)/i.exec(url)?.[1];
    return port !== undefined && !/^\d{1,5}$/.test(port)
      ? `has an invalid port ${JSON.stringify(port)}`
      : port !== undefined && Number(port) > 65535
        ? `has port ${port}, above 65535`
        : 'is not a valid URL';
  }
}

/** Removes a password from text that may quote it (a client's error message). */
export function scrubSecret(text: string, credentials: Credentials | undefined): string {
  if (!credentials || credentials.password === '') return text;
  return text
    .split(credentials.password)
    .join('***')
    .split(encodeURIComponent(credentials.password))
    .join('***');
}
