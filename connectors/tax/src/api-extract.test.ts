import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { describe, expect, it } from 'vitest';
import { judgeArrears, judgeCreditGrade } from './api-extract.ts';
import type { TaxClient } from './client.ts';
import { landTaxAuthorizedProfiles } from './land-api.ts';
import type { TaxAuthorization, TaxpayerItems } from './schemas.ts';
import { taxError } from './tax-errors.ts';

const WINERY = '91640100MA76A1B2CR';
const GOJI_COOP = '93640500MA76K7L8ME';
const NOODLE_SHOP = '92640300MA76G5H6J5';

describe('judgeCreditGrade', () => {
  it.each([
    ['grade A', { year: 2024, grade: 'A' }, null],
    ['lower-case m', { year: 2024, grade: 'm' }, null],
    ['unknown grade E', { year: 2024, grade: 'E' }, 'grade_unknown'],
    ['year as text', { year: '2024', grade: 'A' }, 'schema_invalid'],
    ['missing grade', { year: 2024 }, 'schema_invalid'],
  ])('%s', (_name, record, expectedCode: string | null) => {
    const verdict = judgeCreditGrade(WINERY, '宁夏贺兰山葡萄酒业有限公司', record);
    expect(verdict.ok ? null : verdict.quarantined.reasonCode).toBe(expectedCode);
  });
});

describe('judgeArrears', () => {
  it.each([
    [
      'yuan text',
      { taxType: '企业所得税', arrearsAmount: '234567.00', sinceDate: '2025-01-31' },
      23_456_700,
    ],
    [
      'negative amount',
      { taxType: '增值税', arrearsAmount: '-1.00', sinceDate: '2025-01-31' },
      'amount_negative',
    ],
    [
      'amount as number',
      { taxType: '增值税', arrearsAmount: 12, sinceDate: '2025-01-31' },
      'schema_invalid',
    ],
  ])('%s', (_name, record, expected) => {
    const verdict = judgeArrears(WINERY, record);
    if (typeof expected === 'number')
      expect(verdict).toMatchObject({ ok: true, row: { arrears_fen: expected } });
    else expect(verdict).toMatchObject({ ok: false, quarantined: { reasonCode: expected } });
  });
});

function authorization(uscc: string, status: TaxAuthorization['status']): TaxAuthorization {
  return {
    authCode: `YS-${uscc}`,
    uscc,
    clientId: 'test',
    authorizedAt: '2025-01-01T00:00:00+08:00',
    expiresAt: '2026-01-01T00:00:00+08:00',
    revokedAt: status === 'revoked' ? '2025-06-01T00:00:00+08:00' : null,
    status,
  };
}

/** An in-memory platform: the winery has an unknown grade 'E'; the co-op revoked meanwhile. */
function fakeClient(): TaxClient {
  const items = (uscc: string, list: unknown[]): TaxpayerItems => ({
    uscc,
    taxpayerName: `纳税人${uscc.slice(-4)}`,
    items: list,
  });
  const refuse = (uscc: string) =>
    Promise.reject(taxError('authorization_revoked', `GET /api/v1/taxpayers/${uscc}`));
  return {
    listAuthorizations: () =>
      Promise.resolve([
        authorization(WINERY, 'active'),
        authorization(GOJI_COOP, 'active'),
        authorization(NOODLE_SHOP, 'expired'),
      ]),
    getTaxpayer: () => Promise.reject(new Error('not used')),
    getCreditGrades: (uscc) =>
      uscc === GOJI_COOP
        ? refuse(uscc)
        : Promise.resolve(
            items(uscc, [
              { year: 2023, grade: 'A' },
              { year: 2024, grade: 'E' },
            ]),
          ),
    getTaxPayments: () => Promise.reject(new Error('not used')),
    getArrears: (uscc) =>
      Promise.resolve(
        items(uscc, [{ taxType: '企业所得税', arrearsAmount: '100.00', sinceDate: '2025-01-31' }]),
      ),
    getInvoiceSummaries: () => Promise.reject(new Error('not used')),
  };
}

describe('landTaxAuthorizedProfiles', () => {
  it('lands grades and arrears of active authorisations, quarantines an unknown grade, reports the rest', async () => {
    const testLake = await createTestLake('sqlite');
    const lake = await openLake(testLake.config);
    try {
      const result = await landTaxAuthorizedProfiles(lake, fakeClient(), '2025-06-30');
      expect(result.enterpriseCount).toBe(1);
      expect(result.skipped.map((s) => [s.uscc, s.kind])).toEqual([
        [NOODLE_SHOP, 'authorization_expired'],
        [GOJI_COOP, 'authorization_revoked'],
      ]);
      expect(
        result.entities.map((e) => [e.entity, e.landing.rowCount, e.landing.quarantinedCount]),
      ).toEqual([
        ['credit_grades', 1, 1],
        ['arrears', 1, 0],
      ]);
      const quarantine = (
        await lake.connection.runAndReadAll(
          `select reason_code from lake.raw_tax.credit_grades__quarantine`,
        )
      ).getRowObjectsJson();
      expect(quarantine).toEqual([{ reason_code: 'grade_unknown' }]);
    } finally {
      lake.close();
      await testLake.dispose();
    }
  });
});
