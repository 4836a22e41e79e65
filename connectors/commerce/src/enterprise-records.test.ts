import { describe, expect, it } from 'vitest';
import { assertWindow, judgeRecord } from './enterprise-records.ts';
import { createSnapshotCommerceClient, loadCommerceSnapshot } from './snapshot-client.ts';

const FIXTURE = new URL('./fixtures/enterprises-snapshot.json', import.meta.url).pathname;

/** A valid vendor record; `uscc` must be a valid code. */
function vendorRecord(uscc: string, name: string) {
  return {
    creditCode: uscc,
    name,
    legalPersonName: '马海',
    regStatus: '存续',
    regCapital: '100万人民币',
    establishDate: '2020-01-01',
    areaCode: uscc.slice(2, 8),
    industryCode: '0171',
    updateTime: '2025-06-20 09:00:00',
  };
}

/** Every record of the recorded listing (both pages), as the vendor sent them. */
async function fixtureListing(): Promise<unknown[]> {
  const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
  const first = await client.listEnterprises({ pageSize: 3 });
  const second = await client.listEnterprises({ pageSize: 3, cursor: first.nextCursor ?? '' });
  return [...first.items, ...second.items];
}

describe('judgeRecord over the recorded listing (with the dirty records a real feed has)', () => {
  it('maps the valid records to raw rows and quarantines the rest with Chinese reasons', async () => {
    const verdicts = (await fixtureListing()).map(judgeRecord);
    expect(verdicts).toHaveLength(11);
    // The duplicate passes here: duplicates within a window are the extraction's to catch.
    expect(verdicts.filter((v) => v.ok)).toHaveLength(8);
    const quarantined = verdicts.flatMap((v) => (v.ok ? [] : [v.quarantined]));
    expect(quarantined.map((q) => q.reasonCode).sort()).toEqual([
      'registered_capital_currency',
      'schema_invalid',
      'schema_invalid',
    ]);
    const reasons = quarantined.map((q) => q.reason).join('\n');
    expect(reasons).toContain('统一社会信用代码校验位错误');
    expect(reasons).toContain('缺少企业名称');
    expect(reasons).toContain('美元');
    for (const q of quarantined) expect(() => JSON.parse(q.record) as unknown).not.toThrow();
    // The full-width, lower-case code arrives normalised; capital in fen; time in UTC.
    const line = verdicts.find((v) => v.ok && v.line.includes('中卫青禾枸杞科技有限公司'));
    expect(line?.ok === true ? (JSON.parse(line.line) as unknown) : null).toEqual({
      uscc: '91640521MA76QK3P5W',
      enterprise_name: '中卫青禾枸杞科技有限公司',
      legal_representative: '马海',
      region_code: '640521',
      industry_code: '0171',
      registered_capital_fen: 500_000_000,
      established_date: '2019-04-08',
      registration_status: '在业',
      updated_at: '2025-06-20 01:00:00',
    });
  });
});

describe('judgeRecord', () => {
  it.each([
    ['null', null, 'not_an_object'],
    ['an array', [1, 2], 'not_an_object'],
    ['a string', '91640521MA76QK3P5W', 'not_an_object'],
    ['an empty object', {}, 'schema_invalid'],
  ])('quarantines %s', (_name, record, reasonCode) => {
    expect(judgeRecord(record)).toMatchObject({ ok: false, quarantined: { reasonCode } });
  });

  it('accepts a valid record as one NDJSON line', () => {
    const verdict = judgeRecord(vendorRecord('91640521MA76QK3P5W', '中卫青禾枸杞科技有限公司'));
    expect(verdict).toMatchObject({ ok: true, uscc: '91640521MA76QK3P5W' });
    expect(verdict.ok && verdict.line.endsWith('}\n')).toBe(true);
  });
});

describe('assertWindow', () => {
  it.each([['../escape'], [''], ['2025 06 30']])('refuses the window "%s"', (window) => {
    expect(() => {
      assertWindow(window);
    }).toThrow(RangeError);
  });
});
