export { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, createAccessTokenIssuer } from './access-tokens.ts';
export type { AccessTokenIssuer, TokenVerdict } from './access-tokens.ts';
export { beijingInstant, handleTaxRequest, summariseInvoices } from './api-handler.ts';
export type { TaxApiContext, TaxRequest } from './api-handler.ts';
export { createAuthorizationRegistry, statusAt, worldAuthCode } from './authorization-registry.ts';
export type {
  Authorization,
  AuthorizationCheck,
  AuthorizationRegistry,
  AuthorizationStatus,
} from './authorization-registry.ts';
export { DROP_ENCODING, DROP_HEADERS, UTF8_BOM, writeMonthlyDrop } from './monthly-drop.ts';
export type {
  DropEntity,
  DropFileEntry,
  DropFormat,
  DropManifest,
  MonthlyDropOptions,
} from './monthly-drop.ts';
export {
  DEFAULT_TAX_RATE_LIMIT,
  DEV_TAX_CLIENT_ID,
  DEV_TAX_CLIENT_SECRET,
  startTaxSimulator,
} from './server.ts';
export type { TaxSimulator, TaxSimulatorOptions, TaxTotals } from './server.ts';
export { TAX_CODES, failure, success } from './tax-envelope.ts';
export type { TaxCode, TaxEnvelope, TaxErrorCode, TaxResponse } from './tax-envelope.ts';
export { CREDIT_GRADES, TAX_SOURCE_FILES } from './tax-records.ts';
export type {
  Arrears,
  AuthorizationRecord,
  CreditGrade,
  TaxPayment,
  Taxpayer,
  VatInvoice,
} from './tax-records.ts';
export { loadTaxWorld, taxSourceDir } from './tax-world.ts';
export type { TaxWorld } from './tax-world.ts';
export { createWorldClock, worldStartMs } from './world-clock.ts';
export type { WorldClock } from './world-clock.ts';
