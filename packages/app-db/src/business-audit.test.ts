// Exports and business decisions land in app.audit_events with the declared vocabulary and are found
// by the security auditor's query; malformed records are refused before anything is written.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionTitle, isAuditAction } from './audit-actions.ts';
import { queryAuditEvents } from './audit-events.ts';
import { recordBusinessDecision, recordDataExport } from './business-audit.ts';
import { migrate } from './migrator.ts';
import { connect, removePgliteTemplate, TEST_BACKENDS, type TestBackend } from './test-backends.ts';

const EXPORT_BRANCH_ENTERPRISES = {
  actor: 'analyst.yinchuan',
  subject: 'dataset:enterprise_overview',
  format: 'xlsx',
  rowCount: 412,
  query: { prefecture: '640100' },
  containsUnmaskedFields: false,
};

const APPROVAL_BY_COMMITTEE = {
  actor: 'approver.hq',
  subject: 'application:APP-2026-0001',
  decisionType: 'credit_approval',
  outcome: 'approved',
  reasonCodes: ['COLLATERAL_SUFFICIENT'],
  isAutomated: false,
  comment: '评审会通过',
};

describe('the audit vocabulary', () => {
  it('names every action once with a Chinese title', () => {
    for (const [action, title] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(isAuditAction('data_exported')).toBe(true);
    expect(isAuditAction('toString')).toBe(false);
    expect(auditActionTitle('data_exported')).toBe('导出数据');
    expect(auditActionTitle('legacy_action')).toBe('legacy_action');
  });
});

// The embedded server only: these helpers add no SQL of their own beyond appendAuditEvent, which
// data-access.test.ts runs on both backends.
describe.each(TEST_BACKENDS.slice(0, 1).map((make) => [make().name, make] as const))(
  'business audit on %s',
  (_name, makeBackend) => {
    let backend: TestBackend;
    let client: pg.Client;

    beforeAll(async () => {
      backend = makeBackend();
      client = await connect(await backend.createDatabase());
      await migrate(client);
    });

    afterAll(async () => {
      await client.end();
      await backend.dispose();
      await removePgliteTemplate();
    });

    it('records an export and a decision, found by the auditor by action', async () => {
      const exported = await recordDataExport(client, EXPORT_BRANCH_ENTERPRISES);
      expect(exported.action).toBe('data_exported');
      expect(exported.detail).toEqual({
        format: 'xlsx',
        rowCount: 412,
        query: { prefecture: '640100' },
        containsUnmaskedFields: false,
      });
      const decided = await recordBusinessDecision(client, APPROVAL_BY_COMMITTEE);
      expect(decided.detail).toMatchObject({ outcome: 'approved', comment: '评审会通过' });

      const found = await queryAuditEvents(client, {
        actions: ['data_exported', 'business_decision_recorded'],
      });
      expect(found.map((event) => event.subject)).toEqual([
        'application:APP-2026-0001',
        'dataset:enterprise_overview',
      ]);
    });

    it('refuses an automated decision without reasons and a negative row count', async () => {
      await expect(
        recordBusinessDecision(client, {
          ...APPROVAL_BY_COMMITTEE,
          actor: 'system:zen',
          isAutomated: true,
          reasonCodes: [],
        }),
      ).rejects.toThrow(/reason code/);
      await expect(
        recordDataExport(client, { ...EXPORT_BRANCH_ENTERPRISES, rowCount: -1 }),
      ).rejects.toThrow(RangeError);
      const found = await queryAuditEvents(client, { actor: 'system:zen' });
      expect(found).toEqual([]);
    });
  },
);
