import { describe, expect, it } from 'vitest';
import {
  BUSINESS_TABLES,
  beijingDatetimeToUtc,
  convertValue,
  findBusinessTable,
  rawColumnSpecs,
  toRawRow,
  utcToBeijingDatetime,
} from './type-mapping.ts';
import type { MappedColumn } from './type-mapping.ts';

function columnOf(table: string, source: string): MappedColumn {
  const found = findBusinessTable(table).columns.find((c) => c.source === source);
  if (found === undefined) throw new Error(`${table}.${source} not declared`);
  return found;
}

const AMOUNT = columnOf('t_application', 'amount');
const UPDATED_AT = columnOf('t_application', 'updated_at');
const USCC = columnOf('t_customer', 'uscc');
const ID_NUMBER = columnOf('t_customer', 'id_number');
const REGION = columnOf('t_customer', 'region_code');
const TERM = columnOf('t_application', 'term_months');
const END_DATE = columnOf('t_guarantee_contract', 'end_date');

describe('declared mapping', () => {
  it('declares every table of the legacy contract with a key and raw names in our vocabulary', () => {
    expect(BUSINESS_TABLES).toHaveLength(28);
    expect(rawColumnSpecs(findBusinessTable('t_counter_guarantee')).map((c) => c.name)).toContain(
      'value_fen',
    );
    for (const mapped of BUSINESS_TABLES) expect(mapped.columns[0]?.source).toBe(mapped.key);
  });
});

describe('convertValue', () => {
  it.each([
    { name: 'yuan → fen, two decimals', column: AMOUNT, input: '1234567.89', value: 123456789 },
    { name: 'yuan → fen, one decimal', column: AMOUNT, input: '12.5', value: 1250 },
    {
      name: 'yuan → fen, above 2^53 / 100 stays exact',
      column: AMOUNT,
      input: '90071992547409.91',
      value: 9007199254740991,
    },
    { name: 'NULL amount', column: AMOUNT, input: null, value: null },
    {
      name: 'Beijing → UTC across midnight',
      column: UPDATED_AT,
      input: '2025-07-01 07:30:00',
      value: '2025-06-30 23:30:00',
    },
    {
      name: 'MariaDB fractional seconds',
      column: UPDATED_AT,
      input: '2025-07-01 09:00:00.000000',
      value: '2025-07-01 01:00:00',
    },
    {
      name: 'full-width USCC normalised',
      column: USCC,
      input: '９１640202MA76T3R452',
      value: '91640202MA76T3R452',
    },
    {
      name: 'resident ID',
      column: ID_NUMBER,
      input: '640302197907220029',
      value: '640302197907220029',
    },
    { name: 'full-width region code', column: REGION, input: '６４０１０４', value: '640104' },
    { name: 'retyped integer text', column: TERM, input: '12', value: 12 },
    { name: 'date', column: END_DATE, input: '2026-04-30', value: '2026-04-30' },
  ])('$name', ({ column, input, value }) => {
    expect(convertValue(column, input)).toEqual({ ok: true, value });
  });

  it.each([
    {
      name: 'sub-fen amount',
      column: AMOUNT,
      input: '1.005',
      code: 'amount_invalid:amount_fen',
      text: '精确',
    },
    {
      name: 'USCC check character',
      column: USCC,
      input: '91640502MA76U5A67X',
      code: 'uscc_invalid:uscc',
      text: '统一社会信用代码',
    },
    {
      name: 'resident ID check digit',
      column: ID_NUMBER,
      input: '640502199201010031',
      code: 'resident_id_invalid:id_number',
      text: '身份证',
    },
    {
      name: 'impossible time',
      column: UPDATED_AT,
      input: '2025-02-30 10:00:00',
      code: 'datetime_invalid:updated_at',
      text: '有效时间',
    },
    {
      name: 'required updated_at missing',
      column: UPDATED_AT,
      input: null,
      code: 'required_missing:updated_at',
      text: '为空',
    },
    {
      name: 'text in a retyped integer',
      column: TERM,
      input: '12个月',
      code: 'integer_invalid:term_months',
      text: '整数',
    },
    {
      name: 'short region code',
      column: REGION,
      input: '6401',
      code: 'region_code_invalid:region_code',
      text: '行政区划',
    },
  ])('quarantines: $name', ({ column, input, code, text }) => {
    const result = convertValue(column, input);
    expect(result).toMatchObject({ ok: false, reasonCode: code });
    if (!result.ok) expect(result.reason).toContain(text);
  });
});

describe('toRawRow', () => {
  it('names every failing column in one Chinese reason', () => {
    const result = toRawRow(findBusinessTable('t_application'), {
      application_id: 'A1',
      amount: '1.001',
      updated_at: 'yesterday',
    });
    expect(result).toMatchObject({
      ok: false,
      reasonCode: 'amount_invalid:amount_fen;datetime_invalid:updated_at',
    });
    if (!result.ok) expect(result.reason).toMatch(/^业务系统表 t_application 的记录无效/);
  });
});

describe('time zone round trip', () => {
  it('converts the UTC watermark back to the legacy local time', () => {
    expect(beijingDatetimeToUtc('2025-06-29 18:00:00')).toBe('2025-06-29 10:00:00');
    expect(utcToBeijingDatetime('2025-06-29 10:00:00')).toBe('2025-06-29 18:00:00');
  });
});
