import { describe, expect, it } from 'vitest';
import { createAuthorizationRegistry, statusAt, worldAuthCode } from './authorization-registry.ts';
import type { AuthorizationRecord } from './tax-records.ts';

const WINERY = '91640100MA76A1B2CR';
const GOJI_COOP = '93640500MA76K7L8ME';
const CLIENT = 'guarantor';
const AUTH_WINERY_2025: AuthorizationRecord = {
  uscc: WINERY,
  authorized_at: '2025-03-01T10:00:00+08:00',
  expires_at: '2026-03-01T10:00:00+08:00',
  revoked_at: null,
};
const AUTH_WINERY_REVOKED_JUNE: AuthorizationRecord = {
  ...AUTH_WINERY_2025,
  authorized_at: '2025-02-01T10:00:00+08:00',
  revoked_at: '2025-06-01T08:00:00+08:00',
};
const JULY_2025 = Date.parse('2025-07-01T00:00:00+08:00');
const APRIL_2026 = Date.parse('2026-04-01T00:00:00+08:00');

function registry() {
  return createAuthorizationRegistry({
    seed: 640000,
    defaultClientId: CLIENT,
    records: [AUTH_WINERY_2025, AUTH_WINERY_REVOKED_JUNE],
  });
}

describe('authorisation checks', () => {
  const active = worldAuthCode(640000, AUTH_WINERY_2025);
  const revoked = worldAuthCode(640000, AUTH_WINERY_REVOKED_JUNE);
  it.each([
    ['active, right client and taxpayer', active, CLIENT, WINERY, JULY_2025, 'ok'],
    ['after expiry', active, CLIENT, WINERY, APRIL_2026, '200403'],
    ['revoked', revoked, CLIENT, WINERY, JULY_2025, '200404'],
    ['another taxpayer', active, CLIENT, GOJI_COOP, JULY_2025, '200405'],
    ['another client', active, 'other-bank', WINERY, JULY_2025, '200402'],
    ['unknown code', 'YS0000', CLIENT, WINERY, JULY_2025, '200402'],
    ['no code', undefined, CLIENT, WINERY, JULY_2025, '200401'],
  ])('%s', (_name, code, client, uscc, now, expected) => {
    const check = registry().check(code, client, uscc, now);
    expect(check.ok ? 'ok' : check.code).toBe(expected);
  });

  it('world codes are deterministic: same seed and record, same code', () => {
    expect(worldAuthCode(640000, AUTH_WINERY_2025)).toBe(active);
    expect(worldAuthCode(640001, AUTH_WINERY_2025)).not.toBe(active);
    expect(active).toMatch(/^YS[0-9A-F]{30}$/);
  });

  it('grants, expires and revokes on the given clock', () => {
    const reg = registry();
    const granted = reg.grant({
      uscc: GOJI_COOP,
      clientId: CLIENT,
      validSeconds: 60,
      nowMs: JULY_2025,
    });
    expect(statusAt(granted, JULY_2025 + 59_000)).toBe('active');
    expect(statusAt(granted, JULY_2025 + 60_000)).toBe('expired');
    const revokedNow = reg.revoke(granted.authCode, JULY_2025 + 1000);
    expect(revokedNow && statusAt(revokedNow, JULY_2025 + 1000)).toBe('revoked');
    expect(reg.revoke(granted.authCode, JULY_2025 + 5000)?.revokedAtMs).toBe(JULY_2025 + 1000);
    expect(reg.listForClient(CLIENT)).toHaveLength(3);
  });
});
