/**
 * The risk side of a guarantee contract in the legacy system (docs/domain.md §4, §5): how the
 * risk is shared (the bank's share from its partner agreement, 国担基金 and the provincial
 * re-guarantor on policy products, the rest retained), the 抵押登记 of mortgaged collateral, the
 * bank's 代偿通知 before a compensation, and the loss write-off (损失核销) of a compensation still
 * unrecovered after a year. The sharing scheme is [M] policy: DEFAULT_RISK_SHARING may be replaced.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { ContractHistory } from './contract-history.ts';
import type { Contract } from './guarantee-book.ts';

export type RiskParty = 'bank' | 'national_fund' | 'reguarantor' | 'self';

export interface RiskSharing {
  /** 国担基金 share on policy products (domain.md §4.2: 20%). */
  readonly nationalFundPct: number;
  /** Provincial re-guarantor share on policy products ([M]). */
  readonly reguarantorPct: number;
}

export const DEFAULT_RISK_SHARING: RiskSharing = { nationalFundPct: 20, reguarantorPct: 20 };

export interface RiskShare {
  readonly party: RiskParty;
  readonly partyName: string;
  readonly sharePct: number;
  /** Most this party bears: its share of the guaranteed amount. */
  readonly capFen: number;
}

/** The ordered sharing list of one contract; the shares add up to 100. */
export function riskShares(
  contract: Contract,
  sharing: RiskSharing = DEFAULT_RISK_SHARING,
): RiskShare[] {
  const shares: [RiskParty, string, number][] = [];
  if (contract.bank.riskSharePct > 0) {
    shares.push(['bank', contract.bank.legacyName, contract.bank.riskSharePct]);
  }
  if (contract.product?.policy === true) {
    shares.push(['national_fund', '国家融资担保基金', sharing.nationalFundPct]);
    shares.push(['reguarantor', '宁夏再担保公司', sharing.reguarantorPct]);
  }
  const retained = 100 - shares.reduce((sum, [, , pct]) => sum + pct, 0);
  shares.push(['self', '本公司', retained]);
  return shares.map(([party, partyName, sharePct]) => ({
    party,
    partyName,
    sharePct,
    capFen: Math.round((contract.amountFen * sharePct) / 100),
  }));
}

/** The bank's compensation notice (代偿通知): 10–30 days before the compensation is paid. */
export function claimNoticeDay(history: ContractHistory, random: SeededRandom): number | null {
  return history.compensatedDay === null ? null : history.compensatedDay - random.int(10, 30);
}

/** Mortgages are registered (抵押登记) 1–10 days before the guarantee starts. */
export function collateralRegistrationDay(contract: Contract, random: SeededRandom): number {
  return contract.startDay - random.int(1, 10);
}

const WRITE_OFF_AFTER_DAYS = 365;

/**
 * A compensation still not fully recovered a year after payment is written off (损失核销) for
 * what remains, on a day 365–450 days after the compensation; null when nothing is written off.
 */
export function writeOff(
  compensatedDay: number,
  compensationFen: number,
  recoveredFen: number,
  asOfDay: number,
  random: SeededRandom,
): { day: number; amountFen: number } | null {
  const remaining = compensationFen - recoveredFen;
  const day = compensatedDay + WRITE_OFF_AFTER_DAYS + random.int(0, 85);
  if (remaining <= 0 || day > asOfDay) return null;
  return { day, amountFen: remaining };
}
