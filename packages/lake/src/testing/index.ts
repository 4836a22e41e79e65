// Test helpers for packages that run against a real lake (import '@sg/lake/testing' from tests only).
export { TEST_CATALOG_KINDS, createTestLake } from './test-lakes.ts';
export type { TestCatalogKind, TestLake } from './test-lakes.ts';
export {
  ENTERPRISE_BAD_DATE,
  ENTERPRISE_FRACTIONAL_CAPITAL,
  ENTERPRISE_MISSING_USCC,
  ENTERPRISE_SHIZUISHAN_SOFTWARE,
  ENTERPRISE_WUZHONG_COOP,
  ENTERPRISE_YINCHUAN_MILL,
  RAW_ENTERPRISE_COLUMNS,
  writeNdjson,
} from './enterprise-fixtures.ts';
export type { RawRecord } from './enterprise-fixtures.ts';
export { LANDING_CHILD_SCRIPT, runLandingChild } from './landing-child.ts';
export type { ChildOutcome } from './landing-child.ts';
export type { LandingChildInput } from './landing-child-process.ts';
