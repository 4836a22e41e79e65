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
  };
}
