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
    return url;
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
