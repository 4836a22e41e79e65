/**
 * A contract's guarantee fee (担保费), the one definition the legacy business system's t_fee and
 * the company's books both use: the rate for the whole term, charged up front the day before the
 * guarantee starts.
 */
import type { Contract } from './guarantee-book.ts';

/** The guarantee fee charged for a contract: the whole term up front, as t_fee 担保费 holds it. */
export function guaranteeFeeFen(contract: Contract): number {
  return Math.round((contract.amountFen * contract.feeRateBp * contract.termMonths) / 10_000 / 12);
}

/** The day the fee is charged: the day before the guarantee starts (t_fee.charged_at). */
export function feeChargedDay(contract: Contract): number {
  return contract.startDay - 1;
}
