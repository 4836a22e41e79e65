import { describe, expect, it } from 'vitest';
import { signToken, verifyAuthorization } from './jwt-hs256.ts';

const SECRET = 'test-secret';
const NOW = new Date('2024-05-15T10:30:00Z');
const VALID = signToken({ sub: 'analyst' }, SECRET, { expiresInSeconds: 3600, now: NOW });
const [HEAD, BODY, SIG] = VALID.split('.') as [string, string, string];
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const CASES: { name: string; header: string | undefined; status: 'ok' | 401 | 403; at?: Date }[] = [
  { name: 'a valid token', header: VALID, status: 'ok' },
  { name: 'a valid Bearer token', header: `Bearer ${VALID}`, status: 'ok' },
  { name: 'no header', header: undefined, status: 401 },
  { name: 'an empty header', header: '  ', status: 401 },
  { name: 'garbage', header: 'not-a-jwt', status: 403 },
  { name: 'a token signed with another secret', header: signToken({}, 'other'), status: 403 },
  { name: 'a tampered payload', header: `${HEAD}.${b64({ sub: 'admin' })}.${SIG}`, status: 403 },
  { name: 'alg none', header: `${b64({ alg: 'none' })}.${BODY}.`, status: 403 },
  { name: 'an expired token', header: VALID, status: 403, at: new Date('2024-05-15T11:30:01Z') },
];

describe('verifyAuthorization (HS256, Cube-style header)', () => {
  it.each(CASES)('$name → $status', ({ header, status, at }) => {
    const result = verifyAuthorization(header, SECRET, at ?? NOW);
    if (status === 'ok') {
      expect(result).toMatchObject({ ok: true, payload: { sub: 'analyst' } });
    } else {
      expect(result).toMatchObject({ ok: false, status });
    }
  });
});
