/**
 * The vendor's request signature (verifier side). The client sends
 *   X-Api-Key:   its key
 *   X-Timestamp: Unix time in seconds
 *   X-Signature: lower-case hex HMAC-SHA256(secret, canonical request)
 * where the canonical request is four lines joined by '\n':
 *   METHOD            upper-case
 *   path              as sent, percent-encoded (e.g. /v1/enterprises/91640100MA76XXXX7Q)
 *   sorted query      name=value pairs sorted by name then value, each part RFC 3986-encoded,
 *                     joined by '&' (empty string without a query)
 *   timestamp         the X-Timestamp value
 * The connector's request-signature.ts implements the signer; both test the same fixed vector.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** Constant-time comparison of the expected and the presented signature. */
export function signatureMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
