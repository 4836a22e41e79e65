/**
 * Enterprise authorisations (银税互动 style): an enterprise authorises one bank or guarantor
 * (a client) to query its tax data until an expiry date, and may revoke it. Queries present the
 * authorisation code; `check` says whether it is valid for that client, that taxpayer and that
 * instant, or which specific reason makes it unusable.
 * The world's authorisations (authorizations.ndjson) are granted to the default client with
 * codes derived from the seed, so the same world always has the same codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthorizationRecord } from './tax-records.ts';

export interface Authorization {
  readonly authCode: string;
  readonly uscc: string;
  readonly clientId: string;
  readonly authorizedAtMs: number;
  readonly expiresAtMs: number;
  readonly revokedAtMs: number | null;
}

export type AuthorizationStatus = 'active' | 'expired' | 'revoked';

export type AuthorizationCheck =
  | { readonly ok: true; readonly authorization: Authorization }
  | { readonly ok: false; readonly code: '200401' | '200402' | '200403' | '200404' | '200405' };

export interface AuthorizationRegistry {
  grant(input: {
    uscc: string;
    clientId: string;
    validSeconds: number;
    nowMs: number;
  }): Authorization;
  /** undefined when the code is unknown. Revoking twice keeps the first instant. */
  revoke(authCode: string, nowMs: number): Authorization | undefined;
  check(
    authCode: string | undefined,
    clientId: string,
    uscc: string,
    nowMs: number,
  ): AuthorizationCheck;
  listForClient(clientId: string): readonly Authorization[];
  size(): number;
}

export function statusAt(authorization: Authorization, nowMs: number): AuthorizationStatus {
  if (authorization.revokedAtMs !== null && authorization.revokedAtMs <= nowMs) return 'revoked';
  if (authorization.expiresAtMs <= nowMs) return 'expired';
  return 'active';
}

/** 'YS' + 30 upper-case hex characters. */
export function worldAuthCode(seed: number, record: AuthorizationRecord): string {
  const digest = createHash('sha256')
    .update(`${String(seed)}:${record.uscc}:${record.authorized_at}`)
    .digest('hex');
  return `YS${digest.slice(0, 30).toUpperCase()}`;
}

export function createAuthorizationRegistry(options: {
  readonly seed: number;
  readonly defaultClientId: string;
  readonly records: readonly AuthorizationRecord[];
}): AuthorizationRegistry {
  const byCode = new Map<string, Authorization>();
  for (const record of options.records) {
    const authorization: Authorization = {
      authCode: worldAuthCode(options.seed, record),
      uscc: record.uscc,
      clientId: options.defaultClientId,
      authorizedAtMs: Date.parse(record.authorized_at),
      expiresAtMs: Date.parse(record.expires_at),
      revokedAtMs: record.revoked_at === null ? null : Date.parse(record.revoked_at),
    };
    byCode.set(authorization.authCode, authorization);
  }
  return {
    grant({ uscc, clientId, validSeconds, nowMs }) {
      const authorization: Authorization = {
        authCode: `YS${randomBytes(15).toString('hex').toUpperCase()}`,
        uscc,
        clientId,
        authorizedAtMs: nowMs,
        expiresAtMs: nowMs + validSeconds * 1000,
        revokedAtMs: null,
      };
      byCode.set(authorization.authCode, authorization);
      return authorization;
    },
    revoke(authCode, nowMs) {
      const found = byCode.get(authCode);
      if (found === undefined) return undefined;
      if (found.revokedAtMs !== null && found.revokedAtMs <= nowMs) return found;
      const revoked = { ...found, revokedAtMs: nowMs };
      byCode.set(authCode, revoked);
      return revoked;
    },
    check(authCode, clientId, uscc, nowMs) {
      if (authCode === undefined || authCode === '') return { ok: false, code: '200401' };
      const found = byCode.get(authCode);
      if (found?.clientId !== clientId) return { ok: false, code: '200402' };
      if (found.uscc !== uscc) return { ok: false, code: '200405' };
      const status = statusAt(found, nowMs);
      if (status === 'revoked') return { ok: false, code: '200404' };
      if (status === 'expired') return { ok: false, code: '200403' };
      return { ok: true, authorization: found };
    },
    listForClient(clientId) {
      return [...byCode.values()].filter((entry) => entry.clientId === clientId);
    },
    size: () => byCode.size,
  };
}
