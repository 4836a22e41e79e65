// PIPL consents of applicants: one row per purpose (and recipient), against a versioned text,
// withdrawable; every grant and withdrawal audited. Checked before a credit query or a transfer.
import { appendAuditEvent, withTransaction } from '@sg/app-db';
import type { Pool } from 'pg';

export const CONSENT_PURPOSES = {
  credit_query: '查询个人征信',
  share_with_banks: '向合作银行提供个人信息',
  share_with_reguarantors: '向再担保机构提供个人信息',
} as const;

export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;

export interface ConsentKey {
  readonly userId: string;
  readonly purpose: ConsentPurpose;
  /** The named bank or re-guarantor; omitted for a credit query. */
  readonly recipient?: string;
}

export interface Consent extends ConsentKey {
  readonly consentId: string;
  readonly recipient: string;
  readonly documentVersion: string;
  readonly grantedAt: Date;
  readonly withdrawnAt: Date | null;
}

const subjectOf = (userId: string): string => `user_id:${userId}`;

/** Records a consent to `documentVersion`; an active consent to an older text is replaced. */
export async function grantConsent(
  pool: Pool,
  key: ConsentKey & { readonly documentVersion: string },
): Promise<void> {
  const recipient = key.recipient ?? '';
  await withTransaction(pool, async (client) => {
    await client.query(
      `update app.pipl_consents set withdrawn_at = now()
        where user_id = $1 and purpose = $2 and recipient = $3 and withdrawn_at is null`,
      [key.userId, key.purpose, recipient],
    );
    await client.query(
      `insert into app.pipl_consents (user_id, purpose, recipient, document_version)
       values ($1, $2, $3, $4)`,
      [key.userId, key.purpose, recipient, key.documentVersion],
    );
    await appendAuditEvent(client, {
      actor: key.userId,
      action: 'consent_granted',
      subject: subjectOf(key.userId),
      detail: { purpose: key.purpose, recipient, documentVersion: key.documentVersion },
    });
  });
}

/** Withdraws the active consent; false when there was none. */
export async function withdrawConsent(pool: Pool, key: ConsentKey): Promise<boolean> {
  const recipient = key.recipient ?? '';
  return withTransaction(pool, async (client) => {
    const result = await client.query(
      `update app.pipl_consents set withdrawn_at = now()
        where user_id = $1 and purpose = $2 and recipient = $3 and withdrawn_at is null`,
      [key.userId, key.purpose, recipient],
    );
    if (result.rowCount === 0) return false;
    await appendAuditEvent(client, {
      actor: key.userId,
      action: 'consent_withdrawn',
      subject: subjectOf(key.userId),
      detail: { purpose: key.purpose, recipient },
    });
    return true;
  });
}

/** The active consent for a purpose (and recipient), or undefined. */
export async function activeConsent(pool: Pool, key: ConsentKey): Promise<Consent | undefined> {
  return (await listConsents(pool, key.userId)).find(
    (consent) =>
      consent.purpose === key.purpose &&
      consent.recipient === (key.recipient ?? '') &&
      consent.withdrawnAt === null,
  );
}

/** Every consent of a person, withdrawn ones included, oldest first. */
export async function listConsents(pool: Pool, userId: string): Promise<Consent[]> {
  const result = await pool.query<{
    consent_id: string;
    purpose: ConsentPurpose;
    recipient: string;
    document_version: string;
    granted_at: Date;
    withdrawn_at: Date | null;
  }>(
    `select consent_id, purpose, recipient, document_version, granted_at, withdrawn_at
       from app.pipl_consents where user_id = $1 order by granted_at, consent_id`,
    [userId],
  );
  return result.rows.map((row) => ({
    consentId: row.consent_id,
    userId,
    purpose: row.purpose,
    recipient: row.recipient,
    documentVersion: row.document_version,
    grantedAt: row.granted_at,
    withdrawnAt: row.withdrawn_at,
  }));
}
