/**
 * 行政区划代码 (GB/T 2260): a dated snapshot of province / prefecture / county codes, shipped as
 * data/regions-gb2260.json (see scripts/gen-region-snapshot.ts for source and filtering).
 */
import { z } from 'zod';
import snapshotJson from '../data/regions-gb2260.json' with { type: 'json' };
import { normalizeCodeInput } from './code-input.ts';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Province for prefectures; prefecture (or the province, when there is none) for counties. */
  readonly parentCode: string | null;
}

const regionSnapshotSchema = z.object({
  standard: z.string(),
  snapshotDate: z.iso.date(),
  source: z.string(),
  regions: z.array(
    z.object({
      code: z.string().regex(/^\d{6}$/),
      name: z.string().min(1),
      level: z.enum(['province', 'prefecture', 'county']),
      parentCode: z.string().nullable(),
    }),
  ),
});

const snapshot = regionSnapshotSchema.parse(snapshotJson);

/** Date the code table was valid (source cut-off), YYYY-MM-DD. */
export const REGION_SNAPSHOT_DATE: string = snapshot.snapshotDate;
export const REGION_SNAPSHOT_SOURCE: string = snapshot.source;
export const ALL_REGIONS: readonly Region[] = snapshot.regions;

/** 直辖市: their districts have no prefecture-level parent; the municipality plays that role. */
export const MUNICIPALITY_PROVINCE_CODES: readonly string[] = [
  '110000',
  '120000',
  '310000',
  '500000',
];
export const NINGXIA_PROVINCE_CODE = '640000';
export const YINCHUAN_CITY_CODE = '640100';

const byCode = new Map(ALL_REGIONS.map((r) => [r.code, r]));
const childrenByParent = new Map<string, Region[]>();
for (const r of ALL_REGIONS) {
  if (r.parentCode === null) continue;
  const list = childrenByParent.get(r.parentCode) ?? [];
  list.push(r);
  childrenByParent.set(r.parentCode, list);
}

/** Looks a 6-digit code up in the snapshot (input is normalised first). */
export function findRegion(code: string): Region | undefined {
  return byCode.get(normalizeCodeInput(code));
}

/** Direct children in code order; with `recursive`, every descendant in code order. */
export function regionsUnder(
  code: string,
  options: { recursive?: boolean } = {},
): readonly Region[] {
  const direct = childrenByParent.get(normalizeCodeInput(code)) ?? [];
  if (options.recursive !== true) return direct;
  return direct
    .flatMap((child) => [child, ...regionsUnder(child.code, { recursive: true })])
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Province → (prefecture) → region itself; empty for unknown codes. */
export function regionPath(code: string): readonly Region[] {
  const path: Region[] = [];
  let current = findRegion(code);
  while (current !== undefined) {
    path.unshift(current);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return path;
}

export function provinceOf(code: string): Region | undefined {
  return regionPath(code)[0];
}

/**
 * The prefecture-level unit a region belongs to: the prefecture itself, a county's prefecture, or
 * the municipality for districts of 直辖市. Undefined for provinces and for county-level units
 * directly under a province (e.g. 省直辖县级市).
 */
export function prefectureOf(code: string): Region | undefined {
  const path = regionPath(code);
  const prefecture = path.find((r) => r.level === 'prefecture');
  if (prefecture !== undefined) return prefecture;
  const [province, county] = path;
  if (province !== undefined && county !== undefined) {
    return MUNICIPALITY_PROVINCE_CODES.includes(province.code) ? province : undefined;
  }
  return undefined;
}

/** The five prefecture-level cities of 宁夏回族自治区, in code order. */
export const NINGXIA_PREFECTURES: readonly Region[] = regionsUnder(NINGXIA_PROVINCE_CODE);

/** zod: a code present in the snapshot; outputs the normalised code. */
export const regionCodeSchema = z.string().transform((input, ctx): string => {
  const code = normalizeCodeInput(input);
  if (!/^\d{6}$/.test(code)) {
    ctx.addIssue({ code: 'custom', message: '行政区划代码应为6位数字', input });
    return z.NEVER;
  }
  if (!byCode.has(code)) {
    ctx.addIssue({
      code: 'custom',
      message: `行政区划代码“${code}”不在 ${REGION_SNAPSHOT_DATE} 行政区划代码表中`,
      input,
    });
    return z.NEVER;
  }
  return code;
});
