/**
 * Writes the dbt seeds derived from the shipped snapshots:
 *   models/seeds/ref_regions.csv     region_code, region_name, level, parent_code, prefecture_code, prefecture_name
 *   models/seeds/ref_industries.csv  industry_code, industry_name, level, parent_code, section_code, section_name
 *   models/seeds/ref_business_codes.csv dict_type, code, label (src/business-codes.ts)
 *   models/seeds/regulatory/*.csv     the regulatory parameters (src/regulatory-parameters.ts)
 * Empty cells are NULL. Repository root: $SG_REPO_ROOT, else the nearest ancestor holding a
 * Justfile, else the npm workspace root.
 *
 * Run: npm run -w @sg/domain gen:seeds
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';
import {
  ALL_INDUSTRIES,
  ALL_REGIONS,
  industrySection,
  prefectureOf,
  type Industry,
  type Region,
} from '../src/index.ts';
import { businessCodesSeedCsv } from '../src/business-codes.ts';
import { regulatorySeedFiles } from '../src/regulatory-seeds.ts';
import { toSeedCsv } from '../src/seed-csv.ts';

export function regionSeedRows(regions: readonly Region[]): (string | null)[][] {
  return regions.map((r) => {
    const prefecture = r.level === 'province' ? undefined : prefectureOf(r.code);
    return [
      r.code,
      r.name,
      r.level,
      r.parentCode,
      prefecture?.code ?? null,
      prefecture?.name ?? null,
    ];
  });
}

export function industrySeedRows(industries: readonly Industry[]): (string | null)[][] {
  return industries.map((i) => {
    const section = industrySection(i.code);
    return [i.code, i.name, i.level, i.parentCode, section?.code ?? null, section?.name ?? null];
  });
}

const seedsDir = path.join(findRepoRoot(import.meta.dirname), 'models', 'seeds');
mkdirSync(seedsDir, { recursive: true });
const regionsCsv = path.join(seedsDir, 'ref_regions.csv');
writeFileSync(
  regionsCsv,
  toSeedCsv(
    ['region_code', 'region_name', 'level', 'parent_code', 'prefecture_code', 'prefecture_name'],
    regionSeedRows(ALL_REGIONS),
  ),
);
const industriesCsv = path.join(seedsDir, 'ref_industries.csv');
writeFileSync(
  industriesCsv,
  toSeedCsv(
    ['industry_code', 'industry_name', 'level', 'parent_code', 'section_code', 'section_name'],
    industrySeedRows(ALL_INDUSTRIES),
  ),
);
const businessCodesCsv = path.join(seedsDir, 'ref_business_codes.csv');
writeFileSync(businessCodesCsv, businessCodesSeedCsv());
console.log(`wrote ${businessCodesCsv}`);
console.log(`wrote ${ALL_REGIONS.length} rows to ${regionsCsv}`);
console.log(`wrote ${ALL_INDUSTRIES.length} rows to ${industriesCsv}`);
for (const [file, csv] of Object.entries(regulatorySeedFiles())) {
  const target = path.join(seedsDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, csv);
  console.log(`wrote ${target}`);
}
