/**
 * The tax platform as the rest of the platform sees it (the live client is live-client.ts).
 * Every taxpayer query needs the authorisation code the enterprise gave us.
 */
import type { TaxAuthorization, TaxpayerInfo, TaxpayerItems } from './schemas.ts';

export interface PeriodRange {
  /** yyyy-MM, inclusive. */
  readonly fromPeriod?: string;
  readonly toPeriod?: string;
}

export interface TaxClient {
  /** The authorisations enterprises gave to this client (active, expired and revoked). */
  listAuthorizations(): Promise<TaxAuthorization[]>;
  getTaxpayer(uscc: string, authCode: string): Promise<TaxpayerInfo>;
  getCreditGrades(uscc: string, authCode: string): Promise<TaxpayerItems>;
  getTaxPayments(uscc: string, authCode: string, range?: PeriodRange): Promise<TaxpayerItems>;
  getArrears(uscc: string, authCode: string): Promise<TaxpayerItems>;
  getInvoiceSummaries(uscc: string, authCode: string, range?: PeriodRange): Promise<TaxpayerItems>;
}
