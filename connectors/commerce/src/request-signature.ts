/**
 * Request signing for the commerce-data vendor protocol (signer side).
 *
 *   X-Api-Key:   the API key
 *   X-Timestamp: Unix time in seconds (the vendor accepts ±300 s of skew)
 *   X-Signature: lower-case hex HMAC-SHA256(secret, canonical request)
 *
 * Canonical request = METHOD '\n' path '\n' sorted query '\n' timestamp, where path is the
 * percent-encoded request path (including any base-URL prefix) and the sorted query is the
 * name=value pairs sorted by name then value, each RFC 3986-encoded, joined by '&'.
 */
import { createHmac } from 'node:crypto';

export interface SignedHeaders {
  readonly 'X-Api-Key': string;
  readonly 'X-Timestamp': string;
  readonly 'X-Signature': string;
}

/** encodeURIComponent plus the characters RFC 3986 reserves that it leaves alone. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (ch) => `%${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
  );
}

export function canonicalQuery(params: Iterable<readonly [string, string]>): string {
  return [...params]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function canonicalRequest(
  method: string,
  path: string,
  params: Iterable<readonly [string, string]>,
  timestamp: string,
): string {
  return [method.toUpperCase(), path, canonicalQuery(params), timestamp].join('\n');
}

export function computeSignature(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

/** The three authentication headers for one request at `nowMs`. */
export function signRequest(
  credentials: { readonly apiKey: string; readonly apiSecret: string },
  request: { readonly method: string; readonly url: URL },
  nowMs: number,
): SignedHeaders {
  const timestamp = String(Math.floor(nowMs / 1000));
  const canonical = canonicalRequest(
    request.method,
    request.url.pathname,
    request.url.searchParams,
    timestamp,
  );
  return {
    'X-Api-Key': credentials.apiKey,
    'X-Timestamp': timestamp,
    'X-Signature': computeSignature(credentials.apiSecret, canonical),
  };
}
