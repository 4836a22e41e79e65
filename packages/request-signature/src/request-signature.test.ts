import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequest,
  computeSignature,
  signRequest,
  signatureMatches,
} from './request-signature.ts';

/**
 * The shared test vector of signer (connector) and verifier (simulator): one implementation, pinned
 * to a vector cross-checked with Python's hmac.
 */
const VECTOR = {
  secret: 'sg-dev-commerce-secret',
  method: 'get',
  path: '/v1/enterprises/search',
  params: [
    ['pageSize', '10'],
    ['keyword', '宁夏 枸杞(有限)'],
    ['page', '1'],
  ] as const,
  timestamp: '1751241600',
  canonical:
    'GET\n/v1/enterprises/search\nkeyword=%E5%AE%81%E5%A4%8F%20%E6%9E%B8%E6%9D%9E%28%E6%9C%89%E9%99%90%29&page=1&pageSize=10\n1751241600',
  signature: '69002a6c951fb115121d8eced1bef579023cafefa7c59adbc9335245eb9237fc',
};

describe('request signature', () => {
  it('builds the canonical request of the shared vector', () => {
    expect(canonicalRequest(VECTOR.method, VECTOR.path, VECTOR.params, VECTOR.timestamp)).toBe(
      VECTOR.canonical,
    );
  });

  it('signs the shared vector', () => {
    expect(computeSignature(VECTOR.secret, VECTOR.canonical)).toBe(VECTOR.signature);
  });

  it.each([
    ['no parameters', [], ''],
    [
      'sorted by name',
      [
        ['b', '1'],
        ['a', '2'],
      ],
      'a=2&b=1',
    ],
    [
      'repeated names sorted by value',
      [
        ['k', 'z'],
        ['k', 'a'],
      ],
      'k=a&k=z',
    ],
    [
      'spaces as %20, never +',
      [['updatedSince', '2025-06-30 08:00:00']],
      'updatedSince=2025-06-30%2008%3A00%3A00',
    ],
  ] as const)('canonical query: %s', (_name, params, expected) => {
    expect(canonicalQuery(params)).toBe(expected);
  });

  it('signRequest sends key, seconds timestamp and the HMAC of the URL as sent', () => {
    const url = new URL(
      'https://api.vendor.example/open/v1/enterprises/search?pageSize=10&keyword=宁夏 枸杞(有限)&page=1',
    );
    const headers = signRequest(
      { apiKey: 'key-1', apiSecret: VECTOR.secret },
      { method: 'GET', url },
      1_751_241_600_999,
    );
    expect(headers['X-Api-Key']).toBe('key-1');
    expect(headers['X-Timestamp']).toBe('1751241600');
    const expected = createHmac('sha256', VECTOR.secret)
      .update(VECTOR.canonical.replace('/v1/', '/open/v1/'))
      .digest('hex');
    expect(headers['X-Signature']).toBe(expected);
  });
  it.each([
    ['the right signature', VECTOR.signature, true],
    ['the right signature in upper case', VECTOR.signature.toUpperCase(), true],
    ['one changed character', `${VECTOR.signature.slice(0, -1)}0`, false],
    ['a truncated signature', VECTOR.signature.slice(0, 10), false],
    ['an empty signature', '', false],
  ])('accepts %s: %s', (_name, presented, expected) => {
    expect(signatureMatches(VECTOR.signature, presented)).toBe(expected);
  });
});
