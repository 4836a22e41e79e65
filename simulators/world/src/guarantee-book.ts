/**
 * The guarantee company's book, planned before anything is written: which subjects became
 * customers, their applications, the approved projects and guarantee contracts with partner banks,
 * and the loan terms. Outcomes (defaults) are decided later from the hidden causes
 * (default-outcomes.ts). The plan is compact (one small object per contract), so even the large
 * world's book fits in memory while the big tables are streamed.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import { BANKS } from './banks.ts';
import type { Bank } from './banks.ts';
import {
  DEFAULT_FEE_CAPS,
  FIRST_CHANNELS,
  RENEWAL_CHANNEL,
  feeCapFor,
  productFor,
  purposesFor,
  repaymentTypeFor,
} from './guarantee-products.ts';
import type { FeeCap, GuaranteeProduct, RepaymentType } from './guarantee-products.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { addMonths, yearOf } from './world-calendar.ts';

export interface PlannedGuarantor {
  readonly kind: '保证';
  readonly name: string;
  readonly uscc: string | null;
  readonly idNumber: string | null;
  /** 反担保合同编号 of a dated company guarantee (guarantee-links.ts); others are numbered when written. */
  readonly counterContractNo?: string;
}

export interface Contract {
  readonly contractNo: string;
  readonly bank: Bank;
  readonly amountFen: number;
  readonly termMonths: number;
  readonly loanRateBp: number;
  readonly feeRateBp: number;
  readonly startDay: number;
  readonly endDay: number;
  /** Links planted by patterns (guarantors besides the usual ones). */
  readonly plantedGuarantors: PlannedGuarantor[];
  /** First missed due date, when the borrower defaults on this contract. */
  defaultDay: number | null;
  /** 业务品种 (guarantee-products.ts); absent on the bank's own unguaranteed loans. */
  readonly product?: GuaranteeProduct;
  /** Absent means equal principal (等额本金), the bank's own loans. */
  readonly repaymentType?: RepaymentType;
  /** The contract this one renews (续贷), when it does. */
  readonly renewsContractNo?: string | null;
  /** The annual fee cap that binds this contract, when one does. */
  readonly feeCap?: FeeCap | null;
  /** True when the fee rate was planted above its cap (ground-truth/fee-breaches.ndjson). */
  readonly feeBreach?: boolean;
}

export type ApplicationOutcome = 'withdrawn' | 'rejected' | 'approved';

export interface Application {
  readonly appliedDay: number;
  /** Amount applied for; the approved amount (contract.amountFen) is often cut below it. */
  readonly amountFen: number;
  /** A renewal (续贷) filed before the previous guarantee ends. */
  readonly renewal?: boolean;
  readonly termMonths: number;
  readonly purpose: string;
  readonly channel: string;
  readonly outcome: ApplicationOutcome;
  readonly investigatedDay: number;
  readonly decidedDay: number;
  readonly officerA: string;
  readonly contract: Contract | null;
}

export interface Customer {
  readonly subject: Subject;
  readonly customerId: string;
  readonly createdDay: number;
  readonly applications: readonly Application[];
}

export const OFFICERS = ['张伟', '李娜', '王磊', '马静', '杨帆', '刘洋', '陈晨', '赵敏'];
const TERMS: readonly (readonly [number, number])[] = [
  [12, 70],
  [6, 10],
  [24, 12],
  [36, 8],
];

function amountFen(random: SeededRandom, subject: Subject): number {
  const [minWan, maxWan] =
    subject.kind === 'enterprise'
      ? [50, 1000]
      : subject.kind === 'farmer_cooperative'
        ? [20, 300]
        : [5, 100];
  const wan = Math.exp(Math.log(minWan) + random.next() * (Math.log(maxWan) - Math.log(minWan)));
  return Math.max(1, Math.round(wan)) * 1_000_000;
}

export interface BookContext {
  readonly seed: number;
  readonly asOfDay: number;
  readonly historyStartDay: number;
  readonly customerShare: number;
  /** Annual fee caps (default DEFAULT_FEE_CAPS). */
  readonly feeCaps?: readonly FeeCap[];
}

/** Share of contracts whose fee is planted above its cap. */
const FEE_BREACH_SHARE = 0.015;
/** Share of approvals cut below the amount applied for. */
const APPROVAL_CUT_SHARE = 0.35;

/**
 * The amount the customer applied for, given what was approved: about a third of approvals are
 * cut to 50–90% of the request (the request rounded to whole 万元).
 */
function appliedAmountFen(approvedFen: number, random: SeededRandom): number {
  if (!random.chance(APPROVAL_CUT_SHARE)) return approvedFen;
  const cut = 0.5 + random.next() * 0.4;
  return Math.max(approvedFen + 1_000_000, Math.ceil(approvedFen / cut / 1_000_000) * 1_000_000);
}

/** Fee rate within the binding cap, or planted above it (a breach kept in ground truth). */
function feeTerms(
  drawnBp: number,
  cap: FeeCap | null,
  random: SeededRandom,
): { feeRateBp: number; feeBreach: boolean } {
  if (cap === null) return { feeRateBp: drawnBp, feeBreach: false };
  if (random.chance(FEE_BREACH_SHARE)) {
    return { feeRateBp: cap.capBp + random.pick([20, 50, 80]), feeBreach: true };
  }
  return { feeRateBp: Math.min(drawnBp, cap.capBp), feeBreach: false };
}

/** Contract numbers are sequential in plan order: DB<year>-<seq>. */
export class ContractNumbering {
  #next = 1;
  take(startDay: number): string {
    const number = `DB${String(yearOf(startDay))}-${String(this.#next).padStart(6, '0')}`;
    this.#next += 1;
    return number;
  }
}

/** The customer plan of one subject, or null when the subject never applied. */
export function planCustomer(
  subject: Subject,
  context: BookContext,
  numbering: ContractNumbering,
  customerOrdinal: () => number,
): Customer | null {
  const random = streamFor(context.seed, STREAM.business, subject.index);
  const legacy = streamFor(context.seed, STREAM.businessLegacy, subject.index);
  if (!random.chance(context.customerShare)) return null;
  const firstDay = Math.max(context.historyStartDay, subject.establishedDay + 180);
  const lastDay = context.asOfDay - 20;
  if (firstDay >= lastDay) return null;
  const applicationCount = random.weighted(
    [
      [1, 55],
      [2, 30],
      [3, 15],
    ] as const,
    ([, w]) => w,
  )[0];
  const days: number[] = [];
  for (let i = 0; i < applicationCount; i += 1) days.push(random.int(firstDay, lastDay));
  days.sort((a, b) => a - b);
  const applications: Application[] = [];
  let busyUntil = -1_000_000;
  let lastContractNo: string | null = null;
  for (const drawnDay of days) {
    const termMonths = random.weighted(TERMS, ([, w]) => w)[0];
    const amount = amountFen(random, subject);
    // While a guarantee is in force, the next application is a renewal (续贷) filed shortly
    // before it ends; the new guarantee starts after the old loan is repaid.
    const renewalDay = busyUntil - random.int(5, 30);
    const renewal = drawnDay < busyUntil;
    const appliedDay = renewal ? renewalDay : drawnDay;
    if (appliedDay > lastDay) break;
    const investigatedDay = appliedDay + random.int(3, 12);
    const decidedDay = investigatedDay + random.int(5, 25);
    const roll = random.next();
    let outcome: ApplicationOutcome =
      roll < 0.08 ? 'withdrawn' : roll < 0.22 ? 'rejected' : 'approved';
    const startDay = Math.max(decidedDay + random.int(7, 20), busyUntil + 1);
    if (outcome === 'approved' && startDay > context.asOfDay) outcome = 'rejected';
    let contract: Contract | null = null;
    if (outcome === 'approved') {
      const endDay = addMonths(startDay, termMonths);
      busyUntil = endDay;
      const product = productFor(subject, amount);
      const feeCap = feeCapFor(product, amount, context.feeCaps ?? DEFAULT_FEE_CAPS);
      const contractNo = numbering.take(startDay);
      const bank = random.weighted(BANKS, (b) => b.weight);
      const loanRateBp = random.int(380, 650);
      const drawnFeeBp = random.pick([80, 100, 120, 150, 180, 200]);
      contract = {
        contractNo,
        bank,
        amountFen: amount,
        termMonths,
        loanRateBp,
        ...feeTerms(drawnFeeBp, feeCap, legacy),
        startDay,
        endDay,
        plantedGuarantors: [],
        defaultDay: null,
        product,
        repaymentType: repaymentTypeFor(product, legacy),
        renewsContractNo: renewal ? lastContractNo : null,
        feeCap,
      };
      lastContractNo = contractNo;
    }
    const purpose = random.pick(purposesFor(subject));
    const drawnChannel = random.pick(FIRST_CHANNELS);
    applications.push({
      appliedDay,
      amountFen: contract === null ? amount : appliedAmountFen(amount, legacy),
      renewal,
      termMonths,
      purpose,
      channel: renewal ? RENEWAL_CHANNEL : drawnChannel,
      outcome,
      investigatedDay,
      decidedDay: outcome === 'withdrawn' ? investigatedDay : decidedDay,
      officerA: random.pick(OFFICERS),
      contract,
    });
  }
  const createdDay = (days[0] ?? firstDay) - random.int(0, 3);
  return {
    subject,
    customerId: `C${String(customerOrdinal()).padStart(7, '0')}`,
    createdDay,
    applications,
  };
}

export function contractsOf(customer: Customer): Contract[] {
  return customer.applications.flatMap((a) => (a.contract === null ? [] : [a.contract]));
}
