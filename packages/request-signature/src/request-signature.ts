/**
 * The commerce-data vendor's request signature, both sides: the connector signs, the simulator
 * (and any real vendor) verifies.
 *
 *   X-Api-Key:   the API key
 *   X-Timestamp: Unix time in seconds (the vendor accepts ±300 s of skew)
 *   X-Signature: hex HMAC-SHA256(secret, canonical request)
 *
 * The canonical request is four lines joined by '\n':
 *   METHOD            upper-case
 *   path              as sent, percent-encoded, including any base-URL prefix
 *   sorted query      name=value pairs sorted by name then value, each part RFC 3986-encoded,
 *                     joined by '&' (empty string without a query)
 *   timestamp         the X-Timestamp value
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** Constant-time comparison of the expected and the presented signature. */
export function signatureMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
