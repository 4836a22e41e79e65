import { describe, expect, it } from 'vitest';
import { describeIssues, vendorEnterpriseSchema, vendorEnvelopeSchema } from './schemas.ts';

/** A complete, valid listing record as the vendor sends it. */
const GOJI_COMPANY = {
  creditCode: '91640521MA76QK3P5W',
  name: '中卫青禾枸杞科技有限公司',
  legalPersonName: '马海',
  regStatus: '在业',
  regCapital: '500万人民币',
  establishDate: '2019-04-08',
  areaCode: '640521',
  industryCode: '0171',
  updateTime: '2025-06-20 09:00:00',
};

function reasonFor(record: Record<string, unknown>): string {
  const result = vendorEnterpriseSchema.safeParse(record);
  if (result.success) throw new Error('expected the record to be rejected');
  return describeIssues(result.error);
}

describe('vendorEnterpriseSchema', () => {
  it('accepts a complete record unchanged', () => {
    expect(vendorEnterpriseSchema.parse(GOJI_COMPANY)).toEqual(GOJI_COMPANY);
  });

  it('normalises a full-width, lower-case USCC and trims text', () => {
    const parsed = vendorEnterpriseSchema.parse({
      ...GOJI_COMPANY,
      creditCode: '９１６４０５２１ｍａ７６ｑｋ３ｐ５ｗ',
      name: '  中卫青禾枸杞科技有限公司 ',
    });
    expect(parsed.creditCode).toBe('91640521MA76QK3P5W');
    expect(parsed.name).toBe('中卫青禾枸杞科技有限公司');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['blank', '  '],
  ])('turns a %s optional field into null', (_name, value) => {
    const parsed = vendorEnterpriseSchema.parse({
      ...GOJI_COMPANY,
      legalPersonName: value,
      regCapital: value,
      establishDate: value,
      industryCode: value,
    });
    expect(parsed).toMatchObject({
      legalPersonName: null,
      regCapital: null,
      establishDate: null,
      industryCode: null,
    });
  });

  it('drops the 00:00:00 some vendors append to dates', () => {
    expect(
      vendorEnterpriseSchema.parse({ ...GOJI_COMPANY, establishDate: '2019-04-08 00:00:00' })
        .establishDate,
    ).toBe('2019-04-08');
  });

  it.each([
    [
      'a wrong check character',
      { creditCode: '91640521MA76QK3P50' },
      'creditCode：统一社会信用代码校验位错误',
    ],
    ['a short USCC', { creditCode: '9164052' }, '应为18位'],
    ['a missing USCC', { creditCode: undefined }, '缺少统一社会信用代码'],
    ['a missing name', { name: undefined }, 'name：缺少企业名称'],
    ['a blank name', { name: '   ' }, '企业名称不能为空'],
    ['a numeric status', { regStatus: 1 }, '登记状态应为文本'],
    ['a five-digit area code', { areaCode: '64052' }, '行政区划代码应为6位数字'],
    ['a two-digit industry code', { industryCode: '01' }, '行业代码应为4位数字'],
    ['an impossible date', { establishDate: '2019-02-30' }, '成立日期不是有效日期'],
    ['a slash date', { establishDate: '2019/04/08' }, '成立日期格式应为'],
    ['update time in ISO form', { updateTime: '2025-06-20T09:00:00Z' }, '更新时间格式应为'],
    ['a missing update time', { updateTime: undefined }, '缺少更新时间'],
  ])('rejects %s with a Chinese reason', (_name, change, reasonPart) => {
    expect(reasonFor({ ...GOJI_COMPANY, ...change })).toContain(reasonPart);
  });

  it('lists every problem of a record, not just the first', () => {
    const reason = reasonFor({ ...GOJI_COMPANY, name: undefined, areaCode: 'x' });
    expect(reason).toContain('企业名称');
    expect(reason).toContain('行政区划代码');
  });
});

describe('vendorEnvelopeSchema', () => {
  it.each([
    ['success', { code: 200, message: '操作成功', data: { a: 1 }, requestId: 'r' }, true],
    ['an error without requestId', { code: 500, message: '错误', data: null }, true],
    ['a string code', { code: '200', message: '操作成功', data: null }, false],
    ['no message', { code: 200, data: null }, false],
  ])('%s', (_name, body, ok) => {
    expect(vendorEnvelopeSchema.safeParse(body).success).toBe(ok);
  });
});
