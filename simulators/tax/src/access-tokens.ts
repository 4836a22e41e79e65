/**
 * Client credentials → short-lived access tokens, the way Chinese government open platforms
 * admit a bank's system: POST the client id and secret, receive a bearer token valid for
 * `ttlSeconds` (default 7200), send it on every query.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 7200;

export type TokenVerdict =
  { readonly ok: true; readonly clientId: string } | { readonly ok: false };

export interface AccessTokenIssuer {
  /** undefined when the credentials are wrong. */
  issue(
    clientId: string,
    clientSecret: string,
    nowMs: number,
  ): { accessToken: string; expiresIn: number } | undefined;
  verify(token: string | undefined, nowMs: number): TokenVerdict;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createAccessTokenIssuer(options: {
  readonly clients: ReadonlyMap<string, string>;
  readonly ttlSeconds?: number;
}): AccessTokenIssuer {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const tokens = new Map<string, { clientId: string; expiresAtMs: number }>();
  return {
    issue(clientId, clientSecret, nowMs) {
      const secret = options.clients.get(clientId);
      if (secret === undefined || !sameText(secret, clientSecret)) return undefined;
      const accessToken = randomBytes(24).toString('base64url');
      tokens.set(accessToken, { clientId, expiresAtMs: nowMs + ttlSeconds * 1000 });
      return { accessToken, expiresIn: ttlSeconds };
    },
    verify(token, nowMs) {
      if (token === undefined) return { ok: false };
      const found = tokens.get(token);
      if (found === undefined || found.expiresAtMs <= nowMs) return { ok: false };
      return { ok: true, clientId: found.clientId };
    },
  };
}
