// Signing in to the console over HTTP through its own /signin form (password, then TOTP).
import { DEMO_PASSWORD, totpCode, type DemoUser } from '@sg/admin-api';

/** Cookies of a session: name → value, updated from each response's Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Copies cookies from a Cookie header (a replay of an old session). */
  absorbHeader(header: string): void {
    for (const pair of header.split('; ')) {
      const equals = pair.indexOf('=');
      if (equals > 0) this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** POSTs a form as the browser would (same-origin Origin header, urlencoded body). */
export async function postForm(
  url: string,
  origin: string,
  jar: CookieJar,
  fields: Record<string, string>,
): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      cookie: jar.header(),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    },
    body: new URLSearchParams(fields).toString(),
  });
  jar.absorb(response);
  return response;
}

/** A signed-in cookie jar for the demo user (its TOTP step when the role is privileged). */
export async function signIn(origin: string, user: DemoUser): Promise<CookieJar> {
  const jar = new CookieJar();
  const first = await postForm(`${origin}/signin`, origin, jar, {
    username: user.username,
    password: DEMO_PASSWORD,
  });
  if (user.totpSecret !== null) {
    await first.text();
    await postForm(`${origin}/signin`, origin, jar, {
      username: user.username,
      code: await totpCode(user.totpSecret),
    });
  }
  return jar;
}

/** GETs a page with the jar's cookies, not following redirects. */
export function getPage(url: string, jar: CookieJar | null): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: jar === null ? {} : { cookie: jar.header() } });
}
