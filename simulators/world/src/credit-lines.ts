/**
 * Credit lines (授信). 银行授信额度: each partner bank grants the guarantor a yearly line (calendar
 * year) sized on the guarantees it places with the company; "used" is the guaranteed amount in force
 * with that bank on the line's last day (or asOf for the current year), from the plan's contract
 * terms. 客户授信: some customers get a line (revolving or one-off) and their contracts whose term
 * starts inside it are drawn under it (t_guarantee_contract.credit_line_id).
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Bank } from './banks.ts';
import { contractsOf } from './guarantee-book.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import { addMonths, isoDateToEpochDay, yearOf } from './world-calendar.ts';

export interface BankCreditLine {
  readonly lineId: string;
  readonly bank: Bank;
  readonly startDay: number;
  readonly endDay: number;
  readonly amountFen: number;
  readonly usedFen: number;
  /** The day `usedFen` was last updated. */
  readonly updatedDay: number;
}

/** Bank lines are granted in steps of 1,000万元 with headroom over the peak month-end balance. */
const BANK_LINE_STEP_FEN = 1_000_000_000;
const BANK_LINE_HEADROOM = 1.5;

function inForceFen(contracts: readonly Contract[], day: number): number {
  let sum = 0;
  for (const c of contracts) if (c.startDay <= day && day <= c.endDay) sum += c.amountFen;
  return sum;
}

/** One line per partner bank and calendar year from the history's first year to asOf's. */
export function bankCreditLines(
  banks: readonly Bank[],
  contracts: readonly Contract[],
  historyStartDay: number,
  asOfDay: number,
): BankCreditLine[] {
  const lines: BankCreditLine[] = [];
  for (const bank of banks) {
    const own = contracts.filter((c) => c.bank.partnerId === bank.partnerId);
    for (let year = yearOf(historyStartDay); year <= yearOf(asOfDay); year += 1) {
      const startDay = isoDateToEpochDay(`${String(year)}-01-01`);
      const endDay = isoDateToEpochDay(`${String(year)}-12-31`);
      const updatedDay = Math.min(endDay, asOfDay);
      const usedFen = inForceFen(own, updatedDay);
      let peak = usedFen;
      for (let month = 1; month <= 12; month += 1) {
        const monthEnd = addMonths(startDay, month) - 1;
        if (monthEnd > updatedDay) break;
        peak = Math.max(peak, inForceFen(own, monthEnd));
      }
      const amountFen =
        Math.max(1, Math.ceil((peak * BANK_LINE_HEADROOM) / BANK_LINE_STEP_FEN)) *
        BANK_LINE_STEP_FEN;
      lines.push({
        lineId: `BL${bank.partnerId}${String(year)}`,
        bank,
        startDay,
        endDay,
        amountFen,
        usedFen,
        updatedDay,
      });
    }
  }
  return lines;
}

export interface CustomerCreditLine {
  readonly lineId: string;
  readonly startDay: number;
  readonly endDay: number;
  readonly amountFen: number;
  readonly revolving: boolean;
  /** Contracts drawn under the line. */
  readonly contractNos: ReadonlySet<string>;
}

/** A customer's line (客户授信), or null: most repeat borrowers have one, few one-off borrowers. */
export function customerCreditLine(
  customer: Customer,
  random: SeededRandom,
): CustomerCreditLine | null {
  const contracts = contractsOf(customer);
  const [first] = contracts;
  if (first === undefined || !random.chance(contracts.length >= 2 ? 0.6 : 0.15)) return null;
  const startDay = first.startDay - random.int(3, 10);
  const endDay = addMonths(startDay, contracts.length >= 2 ? 36 : 24);
  const drawn = contracts.filter((c) => c.startDay >= startDay && c.startDay <= endDay);
  const peak = Math.max(...drawn.map((c) => c.amountFen));
  return {
    lineId: `SX${customer.customerId.slice(1)}`,
    startDay,
    endDay,
    amountFen: Math.ceil((peak * (1 + random.next() * 0.5)) / 10_000_000) * 10_000_000,
    revolving: drawn.length >= 2 || random.chance(0.7),
    contractNos: new Set(drawn.map((c) => c.contractNo)),
  };
}
