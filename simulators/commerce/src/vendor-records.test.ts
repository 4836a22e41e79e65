import { describe, expect, it } from 'vitest';
import type { CommerceEnterprise } from './enterprise-generator.ts';
import { formatCapitalText, toVendorEnterprise, toVendorSummary } from './vendor-records.ts';

const GOJI_COMPANY: CommerceEnterprise = {
  uscc: '91640521MAYU28RQ3F',
  enterpriseName: '宁夏福源枸杞产业有限公司',
  legalRepresentative: '王燕学',
  regionCode: '640521',
  industryCode: '1373',
  industryProfileId: 'goji',
  registeredCapitalFen: 1_510_000_000,
  establishedDate: '2016-06-14',
  registrationStatus: '存续',
  updatedAt: '2024-12-23T00:03:29Z',
};

describe('vendor rendering', () => {
  it.each([
    ['whole 万元', 50_000_000, '50万人民币'],
    ['a tenth of 万元', 1_234_500_000, '1234.5万人民币'],
    ['two decimals', 12_345_670_000, '12345.67万人民币'],
    ['down to the fen', 1_000_001, '1.000001万人民币'],
  ])('writes capital text with %s', (_name, fen, text) => {
    expect(formatCapitalText(fen)).toBe(text);
  });

  it('renders a detail record with vendor field names and Beijing time', () => {
    expect(toVendorEnterprise(GOJI_COMPANY)).toEqual({
      creditCode: '91640521MAYU28RQ3F',
      name: '宁夏福源枸杞产业有限公司',
      legalPersonName: '王燕学',
      regStatus: '存续',
      regCapital: '1510万人民币',
      establishDate: '2016-06-14',
      areaCode: '640521',
      industryCode: '1373',
      updateTime: '2024-12-23 08:03:29',
    });
  });

  it('renders a search summary without capital, industry or update time', () => {
    expect(Object.keys(toVendorSummary(GOJI_COMPANY)).sort()).toEqual([
      'creditCode',
      'establishDate',
      'legalPersonName',
      'name',
      'regStatus',
    ]);
  });
});
