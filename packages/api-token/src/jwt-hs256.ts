// Cube-style API tokens: a JWT signed with HS256 and the shared API secret, sent as the
// `Authorization` header (with or without `Bearer `). node:crypto only.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Documented development default; production sets SG_SEMANTIC_SECRET. */
export const DEV_SEMANTIC_SECRET = 'sg-dev-semantic-secret-change-me';

export type TokenPayload = Readonly<Record<string, unknown>>;

export type TokenCheck =
  | { readonly ok: true; readonly payload: TokenPayload }
  | { readonly ok: false; readonly status: 401 | 403; readonly error: string };

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function signature(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/** Signs a payload (adds `iat`; `expiresInSeconds` adds `exp`). Used by tests and tools. */
export function signToken(
  payload: TokenPayload,
  secret: string,
  options: { expiresInSeconds?: number; now?: Date } = {},
): string {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims = {
    ...payload,
    iat,
    ...(options.expiresInSeconds === undefined ? {} : { exp: iat + options.expiresInSeconds }),
  };
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(signature(secret, signingInput))}`;
}

function parseJsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Checks an `Authorization` header value: 401 when missing, 403 when invalid or expired. */
export function verifyAuthorization(
  header: string | undefined,
  secret: string,
  now: Date = new Date(),
): TokenCheck {
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  if (token === undefined || token === '') {
    return { ok: false, status: 401, error: "Authorization header isn't set" };
  }
  const invalid = { ok: false, status: 403, error: 'Invalid token' } as const;
  const [head, body, sig, ...rest] = token.split('.');
  if (head === undefined || body === undefined || sig === undefined || rest.length > 0) {
    return invalid;
  }
  const header_ = parseJsonObject(head);
  if (header_?.['alg'] !== 'HS256') return invalid;
  const expected = signature(secret, `${head}.${body}`);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  const payload = parseJsonObject(body);
  if (payload === undefined) return invalid;
  const seconds = now.getTime() / 1000;
  const exp = payload['exp'];
  if (exp !== undefined && (typeof exp !== 'number' || seconds >= exp)) {
    return { ok: false, status: 403, error: 'Token expired' };
  }
  const nbf = payload['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || seconds < nbf)) return invalid;
  return { ok: true, payload };
}
