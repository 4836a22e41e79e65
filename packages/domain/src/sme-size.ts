/**
 * SME size classification (大/中/小/微) of 工信部联企业〔2011〕300号, driven by the declarative
 * `SME_SIZE_STANDARD`: 中小微 when any upper-bound indicator is below its bound, 中型 when every
 * medium indicator reaches its threshold, else 小型 when every small indicator does, else 微型.
 * Thresholds are inclusive ("≥"); money is compared in 分, exactly.
 */
import { findIndustry } from './industries.ts';
import { SME_SIZE_STANDARD } from './sme-size-standard.ts';
import type {
  SmeIndicator,
  SmeIndustryGroup,
  SmeSizeStandard,
  SmeThresholds,
} from './sme-size-standard.ts';

export type SmeSize = 'large' | 'medium' | 'small' | 'micro';

/** Chinese labels for UI text. */
export const SME_SIZE_LABELS: Readonly<Record<SmeSize, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** Order from smallest to largest, for comparisons. */
export const SME_SIZE_ORDER: readonly SmeSize[] = ['micro', 'small', 'medium', 'large'];

export interface SmeSizeInput {
  /** GB/T 4754-2017 code at any level below the section (2–4 digits, optional section letter). */
  readonly industryCode: string;
  /** 从业人员 (people employed). */
  readonly employees?: number | null;
  /** 营业收入 in 分. */
  readonly revenueFen?: number | null;
  /** 资产总额 in 分. */
  readonly totalAssetsFen?: number | null;
}

export type SmeUnknownReason =
  'unknown_industry_code' | 'industry_not_covered' | 'missing_indicator' | 'invalid_indicator';

export type SmeSizeResult =
  | {
      readonly size: SmeSize;
      readonly groupId: string;
      readonly standardVersion: string;
    }
  | {
      readonly size: 'unknown';
      readonly reason: SmeUnknownReason;
      /** Chinese explanation naming the industry group and indicators concerned. */
      readonly message: string;
      readonly groupId: string | null;
      readonly standardVersion: string;
    };

const FEN_PER_WAN = 1_000_000;

const INDICATOR_LABELS: Readonly<Record<SmeIndicator, string>> = {
  employees: '从业人员',
  revenueWan: '营业收入',
  totalAssetsWan: '资产总额',
};

type Resolved = { readonly group: SmeIndustryGroup } | { readonly notCovered: string };

function longestPrefixMatch<T>(
  code: string,
  entries: readonly (readonly [string, T])[],
): { readonly prefix: string; readonly value: T } | undefined {
  let best: { prefix: string; value: T } | undefined;
  for (const [prefix, value] of entries) {
    if (code.startsWith(prefix) && (best === undefined || prefix.length > best.prefix.length)) {
      best = { prefix, value };
    }
  }
  return best;
}

/** The industry group of a GB/T 4754 code under a standard, or why the standard does not apply. */
export function smeIndustryGroupOf(
  industryCode: string,
  standard: SmeSizeStandard = SME_SIZE_STANDARD,
): Resolved | undefined {
  const industry = findIndustry(industryCode);
  if (industry === undefined || industry.level === 'section') return undefined;
  const entries: (readonly [string, Resolved])[] = [
    ...standard.groups.flatMap((group) =>
      group.codePrefixes.map((prefix) => [prefix, { group }] as const),
    ),
    ...standard.notCovered.map((n) => [n.codePrefix, { notCovered: n.reason }] as const),
  ];
  return longestPrefixMatch(industry.code, entries)?.value;
}

/** The input's value of one indicator in the regulation's unit, null when missing. */
function indicatorValue(input: SmeSizeInput, indicator: SmeIndicator): number | null {
  if (indicator === 'employees') return input.employees ?? null;
  const fen = indicator === 'revenueWan' ? input.revenueFen : input.totalAssetsFen;
  return fen ?? null;
}

/** Threshold in the input's unit (people, or 分 for money). */
function thresholdInInputUnit(indicator: SmeIndicator, value: number): number {
  return indicator === 'employees' ? value : value * FEN_PER_WAN;
}

function indicatorsOf(group: SmeIndustryGroup): SmeIndicator[] {
  const all = [group.upperBound, group.medium, group.small].flatMap(
    (t) => Object.keys(t) as SmeIndicator[],
  );
  return [...new Set(all)];
}

function meetsAll(thresholds: SmeThresholds, values: ReadonlyMap<SmeIndicator, number>): boolean {
  return (Object.entries(thresholds) as [SmeIndicator, number][]).every(
    ([indicator, min]) => (values.get(indicator) ?? 0) >= thresholdInInputUnit(indicator, min),
  );
}

/** Classifies an enterprise (or 个体工商户, classified by the same rules) as 大/中/小/微. */
export function classifySmeSize(
  input: SmeSizeInput,
  standard: SmeSizeStandard = SME_SIZE_STANDARD,
): SmeSizeResult {
  const standardVersion = standard.version;
  const unknown = (reason: SmeUnknownReason, message: string, groupId: string | null) =>
    ({ size: 'unknown', reason, message, groupId, standardVersion }) as const;
  const resolved = smeIndustryGroupOf(input.industryCode, standard);
  if (resolved === undefined) {
    return unknown('unknown_industry_code', `行业代码无法识别：${input.industryCode}`, null);
  }
  if ('notCovered' in resolved) return unknown('industry_not_covered', resolved.notCovered, null);
  const { group } = resolved;
  const values = new Map<SmeIndicator, number>();
  const missing: SmeIndicator[] = [];
  for (const indicator of indicatorsOf(group)) {
    const value = indicatorValue(input, indicator);
    if (value === null) {
      missing.push(indicator);
    } else if (!Number.isFinite(value) || value < 0) {
      const text = `${group.label}的${INDICATOR_LABELS[indicator]}无效：${String(value)}`;
      return unknown('invalid_indicator', text, group.groupId);
    } else {
      values.set(indicator, value);
    }
  }
  if (missing.length > 0) {
    const names = missing.map((m) => INDICATOR_LABELS[m]).join('、');
    return unknown('missing_indicator', `${group.label}划型需要${names}`, group.groupId);
  }
  const size: SmeSize = meetsAll(group.upperBound, values)
    ? 'large'
    : meetsAll(group.medium, values)
      ? 'medium'
      : meetsAll(group.small, values)
        ? 'small'
        : 'micro';
  return { size, groupId: group.groupId, standardVersion };
}
