import { describe, expect, it } from 'vitest';
import {
  COMMERCE_ENTERPRISE_COLUMNS,
  beijingTimeToUtc,
  commerceEnterpriseColumnSpecs,
  parseRegisteredCapitalFen,
  toRawEnterpriseRow,
} from './type-mapping.ts';
import { vendorEnterpriseSchema } from './schemas.ts';
import type { VendorEnterprise } from './schemas.ts';

/** Parsed through the wire schema, as extract.ts does (the USCC comes out branded). */
const GOJI_COMPANY: VendorEnterprise = vendorEnterpriseSchema.parse({
  creditCode: '91640521MA76QK3P5W',
  name: '中卫青禾枸杞科技有限公司',
  legalPersonName: '马海',
  regStatus: '在业',
  regCapital: '500万人民币',
  establishDate: '2019-04-08',
  areaCode: '640521',
  industryCode: '0171',
  updateTime: '2025-06-20 09:00:00',
});

describe('raw columns of raw_commerce.enterprises', () => {
  it('are the contract columns, in order, with DuckDB and Arrow types', () => {
    expect(COMMERCE_ENTERPRISE_COLUMNS.map((c) => [c.name, c.type, c.arrowType])).toEqual([
      ['uscc', 'VARCHAR', 'Utf8'],
      ['enterprise_name', 'VARCHAR', 'Utf8'],
      ['legal_representative', 'VARCHAR', 'Utf8'],
      ['region_code', 'VARCHAR', 'Utf8'],
      ['industry_code', 'VARCHAR', 'Utf8'],
      ['registered_capital_fen', 'BIGINT', 'Int64'],
      ['established_date', 'DATE', 'Date32<DAY>'],
      ['registration_status', 'VARCHAR', 'Utf8'],
      ['updated_at', 'TIMESTAMP', 'Timestamp<MICROSECOND, UTC>'],
    ]);
  });

  it('hand landRecords plain column specs (no vendor or Arrow fields)', () => {
    for (const spec of commerceEnterpriseColumnSpecs()) {
      expect(Object.keys(spec).sort()).toEqual(['description', 'name', 'required', 'type']);
    }
  });

  it('describe every column in Chinese', () => {
    for (const column of COMMERCE_ENTERPRISE_COLUMNS)
      expect(column.description).toMatch(/\p{Script=Han}/u);
  });
});

describe('parseRegisteredCapitalFen', () => {
  it.each([
    ['万人民币', '500万人民币', 500_000_000],
    ['万元人民币', '500万元人民币', 500_000_000],
    ['万元', '500万元', 500_000_000],
    ['bare 万', '66万', 66_000_000],
    ['one decimal', '1234.5万人民币', 1_234_500_000],
    ['six decimals (one fen)', '0.000001万人民币', 1],
    ['trailing zeros beyond six decimals', '10.500000000万人民币', 10_500_000],
    ['thousands separators', '1,000万人民币', 1_000_000_000],
    ['exact above 2^53 / 100', '90000000万人民币', 90_000_000_000_000],
  ])('reads %s', (_name, text, fen) => {
    expect(parseRegisteredCapitalFen(text)).toEqual({ ok: true, fen });
  });

  it.each([[null], ['-'], ['未公开'], [' -- ']])('treats %s as unknown (null)', (text) => {
    expect(parseRegisteredCapitalFen(text)).toEqual({ ok: true, fen: null });
  });

  it.each([
    ['US dollars', '200万美元', 'registered_capital_currency', '美元'],
    ['plain yuan without 万', '5000000元', 'registered_capital_invalid', '格式无法识别'],
    ['a fraction of a fen', '0.0000001万人民币', 'registered_capital_invalid', '精度'],
    ['a negative amount', '-5万人民币', 'registered_capital_invalid', '格式无法识别'],
    ['beyond a safe integer', '999999999999万人民币', 'registered_capital_invalid', '超出范围'],
  ])('rejects %s', (_name, text, reasonCode, reasonPart) => {
    const result = parseRegisteredCapitalFen(text);
    expect(result).toMatchObject({ ok: false, reasonCode });
    expect(result.ok ? '' : result.reason).toContain(reasonPart);
  });
});

describe('beijingTimeToUtc', () => {
  it.each([
    ['morning', '2025-06-20 09:00:00', '2025-06-20 01:00:00'],
    ['just after midnight crosses the date back', '2025-01-01 00:30:00', '2024-12-31 16:30:00'],
    ['a leap day', '2024-02-29 23:59:59', '2024-02-29 15:59:59'],
  ])('%s', (_name, beijing, utc) => {
    expect(beijingTimeToUtc(beijing)).toBe(utc);
  });
});

describe('toRawEnterpriseRow', () => {
  it('maps every vendor field to its raw column', () => {
    expect(toRawEnterpriseRow(GOJI_COMPANY)).toEqual({
      ok: true,
      row: {
        uscc: '91640521MA76QK3P5W',
        enterprise_name: '中卫青禾枸杞科技有限公司',
        legal_representative: '马海',
        region_code: '640521',
        industry_code: '0171',
        registered_capital_fen: 500_000_000,
        established_date: '2019-04-08',
        registration_status: '在业',
        updated_at: '2025-06-20 01:00:00',
      },
    });
  });

  it('passes a capital problem through as the reason', () => {
    expect(toRawEnterpriseRow({ ...GOJI_COMPANY, regCapital: '200万美元' })).toMatchObject({
      ok: false,
      reasonCode: 'registered_capital_currency',
    });
  });
});
