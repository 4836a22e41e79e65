import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequest,
  computeSignature,
  signatureMatches,
} from './request-signature.ts';

/**
 * The shared test vector. connectors/commerce/src/request-signature.test.ts pins the same one, so
 * signer and verifier cannot drift apart. Cross-checked with Python's hmac module.
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

describe('request signature (verifier side)', () => {
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
      'empty values kept',
      [
        ['cursor', ''],
        ['pageSize', '50'],
      ],
      'cursor=&pageSize=50',
    ],
    ['RFC 3986 reserved characters encoded', [['q', "a*b!c'"]], 'q=a%2Ab%21c%27'],
  ] as const)('canonical query: %s', (_name, params, expected) => {
    expect(canonicalQuery(params)).toBe(expected);
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
