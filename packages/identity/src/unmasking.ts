// Showing a C2 field in full: only to a role holding `pii.unmask`, and every time with an audit event
// naming who, which record and which field (never the value). Everyone else gets maskField's mask.
import { hasPermission, maskField, type FieldClassification, type Role } from '@sg/access-control';
import { appendAuditEvent } from '@sg/app-db';
import type { Pool } from 'pg';

export interface RevealRequest {
  readonly actor: string;
  readonly roles: readonly Role[];
  /** The record, e.g. `applicant:A-2026-0001`. */
  readonly subject: string;
  readonly field: string;
  readonly classification: FieldClassification;
  readonly value: string;
}

export async function revealField(pool: Pool, request: RevealRequest): Promise<string> {
  const entitled = hasPermission(request.roles, 'pii.unmask');
  const shown = maskField(request.classification, request.value, entitled ? 'full' : 'masked');
  if (entitled && request.classification.sensitivity === 'C2') {
    await appendAuditEvent(pool, {
      actor: request.actor,
      action: 'field_unmasked',
      subject: request.subject,
      detail: { field: request.field, sensitivity: request.classification.sensitivity },
    });
  }
  return shown;
}
