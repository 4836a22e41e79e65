import { createHash } from 'node:crypto';
import { findIndustry, findRegion, parseUscc, usccEntityKind } from '@sg/domain';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AS_OF,
  REGISTRATION_STATUSES,
  generateCommerceEnterprises,
  iterateCommerceEnterprises,
} from './enterprise-generator.ts';
import { INDUSTRY_PROFILES } from '@sg/simulator-kit';
import { NINGXIA_PREFECTURE_PROFILES } from '@sg/simulator-kit';

const DEMO_SEED = 640_000;
const WORLD = generateCommerceEnterprises(DEMO_SEED, 120);
const LARGE_WORLD = generateCommerceEnterprises(DEMO_SEED, 2_000);

/**
 * The first enterprise and a digest of the whole default world. Changing the generator changes
 * every downstream figure, so it must be deliberate: update these two pins in the same change.
 */
const FIRST_ENTERPRISE_OF_DEMO_SEED = {
  uscc: '91640381MABEGMXY58',
  enterpriseName: '吴忠嘉湖滩羊肉业有限责任公司',
  legalRepresentative: '陈刚',
  regionCode: '640381',
  industryCode: '1351',
  industryProfileId: 'tan_sheep',
  registeredCapitalFen: 270_000_000,
  establishedDate: '2020-09-02',
  registrationStatus: '存续',
  updatedAt: '2024-09-08T08:49:45Z',
};
/** Re-pinned when the industry profiles gained construction, wholesale, retail and catering. */
const DEMO_WORLD_SHA256 = 'e6037736ee870e3aea7efb320a99c8fb81791bbbfd64332dacd8b3750fc70dd6';

const NINGXIA_COUNTIES = new Set(NINGXIA_PREFECTURE_PROFILES.flatMap((p) => p.countyCodes));

describe('generateCommerceEnterprises: determinism', () => {
  it('gives identical data for the same seed', () => {
    expect(generateCommerceEnterprises(DEMO_SEED, 120)).toEqual(WORLD);
  });

  it('is pinned: the same seed gives the same bytes across versions', () => {
    expect(WORLD[0]).toEqual(FIRST_ENTERPRISE_OF_DEMO_SEED);
    expect(createHash('sha256').update(JSON.stringify(WORLD)).digest('hex')).toBe(
      DEMO_WORLD_SHA256,
    );
  });

  it('gives different data for a different seed', () => {
    const other = generateCommerceEnterprises(DEMO_SEED + 1, 120);
    expect(other.map((e) => e.uscc)).not.toEqual(WORLD.map((e) => e.uscc));
  });

  it('a larger world starts with the smaller one (record i does not depend on the count)', () => {
    expect(LARGE_WORLD.slice(0, 120)).toEqual(WORLD);
  });

  it('streams: the iterator yields the same records as the array', () => {
    expect([...iterateCommerceEnterprises(DEMO_SEED, 120)]).toEqual(WORLD);
  });

  it.each([[-1], [1.5]])('rejects the count %s', (count) => {
    expect(() => generateCommerceEnterprises(DEMO_SEED, count)).toThrow(RangeError);
  });
});

describe('generateCommerceEnterprises: each record is a plausible Ningxia enterprise', () => {
  it('has a valid enterprise USCC (91…) whose positions 3–8 are its Ningxia county', () => {
    for (const e of LARGE_WORLD) {
      expect(parseUscc(e.uscc)).toEqual({ ok: true, value: e.uscc });
      expect(usccEntityKind(e.uscc)).toBe('enterprise');
      expect(e.uscc.slice(2, 8)).toBe(e.regionCode);
      expect(NINGXIA_COUNTIES.has(e.regionCode)).toBe(true);
    }
  });

  it('uses county codes that exist in the GB/T 2260 snapshot, under the right prefecture', () => {
    for (const prefecture of NINGXIA_PREFECTURE_PROFILES) {
      expect(findRegion(prefecture.prefectureCode)?.level).toBe('prefecture');
      for (const code of prefecture.countyCodes) {
        expect(findRegion(code), code).toMatchObject({
          level: 'county',
          parentCode: prefecture.prefectureCode,
        });
      }
    }
  });

  it('uses industry codes that exist in GB/T 4754-2017 as four-digit classes', () => {
    for (const profile of INDUSTRY_PROFILES) {
      for (const code of profile.industryCodes) {
        expect(code).toMatch(/^\d{4}$/);
        expect(findIndustry(code)?.level, `${profile.label} ${code}`).toBe('class');
      }
    }
    for (const e of LARGE_WORLD) expect(findIndustry(e.industryCode)).toBeDefined();
  });

  it('has unique names and USCCs', () => {
    expect(new Set(LARGE_WORLD.map((e) => e.uscc)).size).toBe(LARGE_WORLD.length);
    expect(new Set(LARGE_WORLD.map((e) => e.enterpriseName)).size).toBe(LARGE_WORLD.length);
  });

  it('names companies like 宁夏XX枸杞科技有限公司 / 银川XX新材料有限公司', () => {
    const pattern =
      /^(宁夏|银川|石嘴山|吴忠|固原|中卫)\p{Script=Han}{2}\p{Script=Han}+(有限公司|有限责任公司|股份有限公司)$/u;
    for (const e of LARGE_WORLD) expect(e.enterpriseName).toMatch(pattern);
    const phrases = INDUSTRY_PROFILES.find((p) => p.profileId === 'goji')?.namePhrases ?? [];
    expect(
      LARGE_WORLD.some((e) => phrases.some((phrase) => e.enterpriseName.includes(phrase))),
    ).toBe(true);
  });

  it('has a synthetic legal representative of two or three Chinese characters', () => {
    for (const e of LARGE_WORLD) expect(e.legalRepresentative).toMatch(/^\p{Script=Han}{2,3}$/u);
  });

  it('has registered capital as a positive whole number of fen, at least 1万元', () => {
    for (const e of LARGE_WORLD) {
      expect(Number.isSafeInteger(e.registeredCapitalFen)).toBe(true);
      expect(e.registeredCapitalFen).toBeGreaterThanOrEqual(1_000_000);
    }
  });

  it('is established on or before the as-of date and updated after establishment', () => {
    const endOfAsOf = Date.parse(`${DEFAULT_AS_OF}T16:00:00Z`); // 24:00 Beijing
    for (const e of LARGE_WORLD) {
      expect(e.establishedDate >= '1995-01-01' && e.establishedDate <= DEFAULT_AS_OF).toBe(true);
      const updated = Date.parse(e.updatedAt);
      expect(updated).toBeGreaterThanOrEqual(Date.parse(`${e.establishedDate}T00:00:00+08:00`));
      expect(updated).toBeLessThan(endOfAsOf);
    }
  });

  it('has every registration status, mostly 存续 or 在业', () => {
    const counts = new Map(REGISTRATION_STATUSES.map((s) => [s, 0]));
    for (const e of LARGE_WORLD)
      counts.set(e.registrationStatus, (counts.get(e.registrationStatus) ?? 0) + 1);
    for (const status of REGISTRATION_STATUSES) expect(counts.get(status)).toBeGreaterThan(0);
    const active = (counts.get('存续') ?? 0) + (counts.get('在业') ?? 0);
    expect(active / LARGE_WORLD.length).toBeGreaterThan(0.75);
  });

  it('is weighted to 六新六特: at least 80% of enterprises in those clusters', () => {
    const clusterOf = new Map(INDUSTRY_PROFILES.map((p) => [p.profileId, p.cluster]));
    const inSixAndSix = LARGE_WORLD.filter(
      (e) => clusterOf.get(e.industryProfileId) !== 'modern_services',
    ).length;
    expect(inSixAndSix / LARGE_WORLD.length).toBeGreaterThanOrEqual(0.8);
  });

  it('concentrates Yinchuan: the capital prefecture has the most enterprises', () => {
    const byPrefecture = new Map<string, number>();
    for (const e of LARGE_WORLD) {
      const prefecture = `${e.regionCode.slice(0, 4)}00`;
      byPrefecture.set(prefecture, (byPrefecture.get(prefecture) ?? 0) + 1);
    }
    const top = [...byPrefecture.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('640100');
  });
});
