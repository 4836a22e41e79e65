import { describe, expect, it } from 'vitest';
import {
  ALL_REGIONS,
  NINGXIA_PREFECTURES,
  REGION_SNAPSHOT_DATE,
  findRegion,
  prefectureOf,
  provinceOf,
  regionCodeSchema,
  regionPath,
  regionsUnder,
} from './regions.ts';

/** docs/domain.md §7.4, verbatim. */
const NINGXIA_TABLE = [
  {
    code: '640100',
    name: '银川市',
    counties:
      '640104 兴庆区, 640105 西夏区, 640106 金凤区, 640121 永宁县, 640122 贺兰县, 640181 灵武市',
  },
  { code: '640200', name: '石嘴山市', counties: '640202 大武口区, 640205 惠农区, 640221 平罗县' },
  {
    code: '640300',
    name: '吴忠市',
    counties: '640302 利通区, 640303 红寺堡区, 640323 盐池县, 640324 同心县, 640381 青铜峡市',
  },
  {
    code: '640400',
    name: '固原市',
    counties: '640402 原州区, 640422 西吉县, 640423 隆德县, 640424 泾源县, 640425 彭阳县',
  },
  { code: '640500', name: '中卫市', counties: '640502 沙坡头区, 640521 中宁县, 640522 海原县' },
];

describe('Ningxia (domain.md §7.4)', () => {
  it('province 640000 宁夏回族自治区', () => {
    expect(findRegion('640000')).toEqual({
      code: '640000',
      name: '宁夏回族自治区',
      level: 'province',
      parentCode: null,
    });
  });

  it('has exactly the five prefectures of the table', () => {
    expect(NINGXIA_PREFECTURES.map((p) => `${p.code} ${p.name}`)).toEqual(
      NINGXIA_TABLE.map((p) => `${p.code} ${p.name}`),
    );
  });

  it.each(NINGXIA_TABLE)(
    '$name has exactly its listed districts / counties',
    ({ code, counties }) => {
      expect(
        regionsUnder(code)
          .map((c) => `${c.code} ${c.name}`)
          .join(', '),
      ).toBe(counties);
      expect(regionsUnder(code).every((c) => c.level === 'county')).toBe(true);
    },
  );

  it('recursive listing covers 5 prefectures + 22 counties', () => {
    expect(regionsUnder('640000', { recursive: true })).toHaveLength(27);
  });
});

describe('snapshot integrity', () => {
  it('records its date', () => {
    expect(REGION_SNAPSHOT_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('codes are unique 6-digit strings', () => {
    const codes = ALL_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every non-province has an existing parent of a higher level', () => {
    for (const r of ALL_REGIONS) {
      if (r.level === 'province') {
        expect(r.parentCode, r.code).toBeNull();
        expect(r.code.endsWith('0000'), r.code).toBe(true);
        continue;
      }
      const parent = r.parentCode === null ? undefined : findRegion(r.parentCode);
      expect(parent, r.code).toBeDefined();
      expect(r.code.slice(0, 2)).toBe(parent?.code.slice(0, 2));
      if (r.level === 'prefecture') expect(parent?.level, r.code).toBe('province');
      else expect(parent?.level, r.code).not.toBe('county');
    }
  });

  it('has all 31 mainland province-level units plus 台湾, 香港, 澳门', () => {
    const provinces = ALL_REGIONS.filter((r) => r.level === 'province').map((r) =>
      r.code.slice(0, 2),
    );
    expect(provinces).toEqual([
      '11',
      '12',
      '13',
      '14',
      '15',
      '21',
      '22',
      '23',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
      '37',
      '41',
      '42',
      '43',
      '44',
      '45',
      '46',
      '50',
      '51',
      '52',
      '53',
      '54',
      '61',
      '62',
      '63',
      '64',
      '65',
      '71',
      '81',
      '82',
    ]);
  });

  it('excludes statistics-only codes (市辖区 placeholders, 功能区 71–80)', () => {
    expect(findRegion('640101')).toBeUndefined();
    expect(findRegion('110100')).toBeUndefined();
    expect(
      ALL_REGIONS.filter(
        (r) =>
          r.level === 'county' && Number(r.code.slice(4)) >= 71 && Number(r.code.slice(4)) <= 80,
      ),
    ).toEqual([]);
  });
});

describe('lookups', () => {
  it.each([
    {
      name: 'county in a prefecture',
      code: '640122',
      province: '宁夏回族自治区',
      prefecture: '银川市',
    },
    {
      name: 'district of a municipality',
      code: '110105',
      province: '北京市',
      prefecture: '北京市',
    },
    {
      name: 'county-level city under a province',
      code: '419001',
      province: '河南省',
      prefecture: undefined,
    },
    { name: 'prefecture itself', code: '640500', province: '宁夏回族自治区', prefecture: '中卫市' },
  ])('$name', ({ code, province, prefecture }) => {
    expect(provinceOf(code)?.name).toBe(province);
    expect(prefectureOf(code)?.name).toBe(prefecture);
  });

  it('regionPath goes from province down', () => {
    expect(regionPath('640181').map((r) => r.name)).toEqual(['宁夏回族自治区', '银川市', '灵武市']);
    expect(regionPath('999999')).toEqual([]);
  });

  it('normalises full-width input', () => {
    expect(findRegion('６４０１０４')?.name).toBe('兴庆区');
  });

  it('regionCodeSchema accepts known codes only, with Chinese messages', () => {
    expect(regionCodeSchema.parse(' 640104 ')).toBe('640104');
    expect(regionCodeSchema.safeParse('6401').error?.issues[0]?.message).toBe(
      '行政区划代码应为6位数字',
    );
    expect(regionCodeSchema.safeParse('640199').error?.issues[0]?.message).toMatch(
      /不在 .* 行政区划代码表中/,
    );
  });
});
