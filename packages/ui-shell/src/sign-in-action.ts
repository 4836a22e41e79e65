// The sign-in form's server action over @sg/identity's better-auth: password, then TOTP when the
// account's roles require it; lockout and refusals as Chinese messages; a same-origin redirect.
import type { IdentityAuth } from '@sg/identity';
import { safeRedirectTarget } from '@sg/session-context';
import { parseSetCookie, type CookieOptions } from './set-cookie.ts';

/** What the action reads from SvelteKit's RequestEvent (typed by shape). */
export interface SignInEvent {
  readonly request: Request;
  readonly url: URL;
  readonly cookies: {
    set(name: string, value: string, options: CookieOptions): void;
  };
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly location: string }
  | { readonly kind: 'second-factor'; readonly username: string }
  | {
      readonly kind: 'refused';
      readonly step: 'password' | 'totp';
      readonly username: string;
      readonly message: string;
    };

const WRONG_CREDENTIALS = '用户名或密码错误';
const WRONG_CODE = '动态验证码错误或已过期';

async function refusalMessage(response: Response, fallback: string): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const code =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['code'] : null;
  const message =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['message'] : null;
  // Our own guards (lockout, rate limit) answer in Chinese; better-auth's own texts are English.
  if (typeof message === 'string' && /[\u4e00-\u9fff]/u.test(message)) return message;
  return code === 'ACCOUNT_LOCKED' ? '账户已锁定，请稍后重试' : fallback;
}

function forwardCookies(response: Response, event: SignInEvent): void {
  for (const header of response.headers.getSetCookie()) {
    const cookie = parseSetCookie(header);
    if (cookie !== null) event.cookies.set(cookie.name, cookie.value, cookie.options);
  }
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

function isTwoFactorRedirect(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>)['twoFactorRedirect'] === true
  );
}

/**
 * The action: form fields `username`, `password` (step 1) or `code` (step 2, TOTP), and
 * `redirectTo`. SvelteKit's own origin check refuses cross-site form posts (CSRF).
 */
export function createSignInAction(auth: IdentityAuth, home = '/') {
  return async function signIn(event: SignInEvent): Promise<SignInOutcome> {
    // A small urlencoded or multipart sign-in form from SvelteKit, not a file upload.
    const form = await event.request.formData();
    const username = text(form, 'username');
    const location = safeRedirectTarget(
      event.url.searchParams.get('redirectTo'),
      event.url.origin,
      home,
    );
    const code = text(form, 'code');
    if (code !== '') {
      const response = await auth.api.verifyTOTP({
        body: { code },
        headers: event.request.headers,
        asResponse: true,
      });
      if (!response.ok) {
        return {
          kind: 'refused',
          step: 'totp',
          username,
          message: await refusalMessage(response, WRONG_CODE),
        };
      }
      forwardCookies(response, event);
      return { kind: 'signed-in', location };
    }
    if (username === '' || text(form, 'password') === '') {
      return { kind: 'refused', step: 'password', username, message: '请输入用户名和密码' };
    }
    const response = await auth.api.signInUsername({
      body: { username, password: text(form, 'password') },
      headers: event.request.headers,
      asResponse: true,
    });
    if (!response.ok) {
      return {
        kind: 'refused',
        step: 'password',
        username,
        message: await refusalMessage(response, WRONG_CREDENTIALS),
      };
    }
    forwardCookies(response, event);
    const body: unknown = await response.json().catch(() => null);
    return isTwoFactorRedirect(body)
      ? { kind: 'second-factor', username }
      : { kind: 'signed-in', location };
  };
}
