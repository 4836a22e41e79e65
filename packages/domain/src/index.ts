export { normalizeCodeInput, toHalfWidth } from './code-input.ts';
export type { ParseError, ParseResult } from './parse-result.ts';
export {
  USCC_ALPHABET,
  USCC_LENGTH,
  USCC_WEIGHTS,
  isValidUscc,
  parseUscc,
  usccCheckChar,
  usccEntityKind,
  usccHasValidOrganizationCode,
  usccRegionCode,
  usccSchema,
} from './uscc.ts';
export type { Uscc, UsccEntityKind, UsccErrorCode, UsccParseResult } from './uscc.ts';
export {
  USCC_REGISTRATION_AUTHORITIES,
  findUsccCategory,
  findUsccRegistrationAuthority,
} from './uscc-authorities.ts';
export type { UsccCategory, UsccRegistrationAuthority } from './uscc-authorities.ts';
export { isValidOrganizationCode, organizationCodeCheckChar } from './organization-code.ts';
export {
  RESIDENT_ID_WEIGHTS,
  chinaToday,
  isValidResidentId,
  parseResidentId,
  residentIdCheckChar,
  residentIdSchema,
  upgradeLegacyResidentId,
} from './resident-id.ts';
export type {
  ResidentId,
  ResidentIdErrorCode,
  ResidentIdInfo,
  ResidentIdParseOptions,
  ResidentIdParseResult,
  ResidentIdWarning,
  ResidentIdWarningCode,
  Sex,
} from './resident-id.ts';
export {
  ALL_REGIONS,
  MUNICIPALITY_PROVINCE_CODES,
  NINGXIA_PREFECTURES,
  NINGXIA_PROVINCE_CODE,
  REGION_SNAPSHOT_DATE,
  REGION_SNAPSHOT_SOURCE,
  YINCHUAN_CITY_CODE,
  findRegion,
  prefectureOf,
  provinceOf,
  regionCodeSchema,
  regionPath,
  regionsUnder,
} from './regions.ts';
export type { Region, RegionLevel } from './regions.ts';
export {
  ALL_INDUSTRIES,
  INDUSTRY_CLASSIFICATION_VERSION,
  INDUSTRY_SNAPSHOT_SOURCE,
  findIndustry,
  industriesUnder,
  industryCodeSchema,
  industryPath,
  industrySection,
} from './industries.ts';
export type { Industry, IndustryLevel } from './industries.ts';
export {
  fen,
  fenFromYuan,
  formatYuan,
  moneyFenSchema,
  parseYuan,
  sumFen,
  yuanFromFen,
  yuanStringSchema,
} from './money.ts';
export type { Fen, FormatYuanOptions, YuanParseErrorCode } from './money.ts';
export { SME_SIZE_STANDARD } from './sme-size-standard.ts';
export type {
  SmeIndicator,
  SmeIndustryGroup,
  SmeSizeStandard,
  SmeThresholds,
} from './sme-size-standard.ts';
export {
  SME_SIZE_LABELS,
  SME_SIZE_ORDER,
  classifySmeSize,
  smeIndustryGroupOf,
} from './sme-size.ts';
export type { SmeSize, SmeSizeInput, SmeSizeResult, SmeUnknownReason } from './sme-size.ts';
export {
  BOND_RATINGS,
  NATIONAL_LIMITS,
  PROVINCE_OVERRIDES,
  REGULATORY_OPTIONS,
  RISK_WEIGHTS,
} from './regulatory-parameters.ts';
export type {
  Confidence,
  ProvinceOverride,
  RegulatoryLimit,
  RegulatoryOption,
  RiskWeight,
  RiskWeightClass,
} from './regulatory-parameters.ts';
export { regulatorySeedFiles } from './regulatory-seeds.ts';
export { BUSINESS_CODES, businessCodesSeedCsv } from './business-codes.ts';
export type { BusinessCodeTable } from './business-codes.ts';
