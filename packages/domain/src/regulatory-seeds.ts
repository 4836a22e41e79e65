/**
 * The dbt seeds of models/seeds/regulatory/, derived from the tables in regulatory-parameters.ts.
 * Paths are relative to models/seeds/.
 */
import {
  BOND_RATINGS,
  NATIONAL_LIMITS,
  PROVINCE_OVERRIDES,
  REGULATORY_OPTIONS,
  RISK_WEIGHTS,
} from './regulatory-parameters.ts';
import { toSeedCsv } from './seed-csv.ts';
import { SME_SIZE_STANDARD } from './sme-size-standard.ts';
import type { SmeIndicator, SmeSizeStandard } from './sme-size-standard.ts';

const SEED_INDICATOR: Readonly<Record<SmeIndicator, string>> = {
  employees: 'employees',
  revenueWan: 'revenue_wan',
  totalAssetsWan: 'total_assets_wan',
};

/** One row per group, tier and indicator: the inclusive minimum of 工信部联企业〔2011〕300号. */
function smeThresholdRows(standard: SmeSizeStandard): string[][] {
  return standard.groups.flatMap((group) =>
    (['upper', 'medium', 'small'] as const).flatMap((tier) => {
      const thresholds =
        tier === 'upper' ? group.upperBound : tier === 'medium' ? group.medium : group.small;
      return (Object.entries(thresholds) as [SmeIndicator, number][]).map(([indicator, min]) => [
        group.groupId,
        tier,
        SEED_INDICATOR[indicator],
        String(min),
      ]);
    }),
  );
}

/** One row per GB/T 4754-2017 code prefix: its group, or why the standard does not cover it. */
function smeGroupRows(standard: SmeSizeStandard): (string | null)[][] {
  return [
    ...standard.groups.flatMap((group) =>
      group.codePrefixes.map((prefix) => [prefix, group.groupId, null]),
    ),
    ...standard.notCovered.map((n) => [n.codePrefix, null, n.reason]),
  ];
}

export function regulatorySeedFiles(): Record<string, string> {
  return {
    'regulatory/reg_risk_weights.csv': toSeedCsv(
      ['weight_class', 'weight', 'name_zh', 'name_en', 'confidence'],
      RISK_WEIGHTS.map((w) => [w.weightClass, w.weight, w.nameZh, w.nameEn, w.confidence]),
    ),
    'regulatory/reg_bond_ratings.csv': toSeedCsv(
      ['rating', 'rating_rank'],
      BOND_RATINGS.map((r) => [r.rating, String(r.rank)]),
    ),
    'regulatory/reg_national_limits.csv': toSeedCsv(
      [
        'limit_code',
        'limit_value',
        'unit',
        'comparison',
        'name_zh',
        'name_en',
        'source',
        'confidence',
      ],
      NATIONAL_LIMITS.map((l) => [
        l.code,
        l.value,
        l.unit,
        l.comparison,
        l.nameZh,
        l.nameEn,
        l.source,
        l.confidence,
      ]),
    ),
    'regulatory/reg_province_overrides.csv': toSeedCsv(
      ['province_code', 'limit_code', 'limit_value', 'source'],
      PROVINCE_OVERRIDES.map((o) => [o.provinceCode, o.code, o.value, o.source]),
    ),
    'regulatory/reg_options.csv': toSeedCsv(
      [
        'option_code',
        'default_choice',
        'alternative_choice',
        'description_zh',
        'description_en',
        'domain_ref',
      ],
      REGULATORY_OPTIONS.map((o) => [
        o.code,
        o.defaultChoice,
        o.alternativeChoice,
        o.descriptionZh,
        o.descriptionEn,
        o.domainRef,
      ]),
    ),
    'regulatory/reg_sme_size_thresholds.csv': toSeedCsv(
      ['group_id', 'tier', 'indicator', 'min_value'],
      smeThresholdRows(SME_SIZE_STANDARD),
    ),
    'regulatory/reg_sme_industry_groups.csv': toSeedCsv(
      ['code_prefix', 'group_id', 'not_covered_reason'],
      smeGroupRows(SME_SIZE_STANDARD),
    ),
  };
}
