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
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { addMonths, yearOf } from './world-calendar.ts';

export interface PlannedGuarantor {
  readonly kind: '保证';
  readonly name: string;
  readonly uscc: string | null;
  readonly idNumber: string | null;
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
}

export type ApplicationOutcome = 'withdrawn' | 'rejected' | 'approved';

export interface Application {
  readonly appliedDay: number;
  readonly amountFen: number;
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
const PURPOSES = ['流动资金周转', '采购原材料', '购置设备', '扩大养殖规模', '春耕备耕', '厂房改造'];
const CHANNELS = ['线下网点', '银行推荐', '政府推荐', '小程序', '老客户续贷'];
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
  for (const drawnDay of days) {
    const termMonths = random.weighted(TERMS, ([, w]) => w)[0];
    const amount = amountFen(random, subject);
    // While a guarantee is in force, the next application is a renewal (续贷) filed shortly
    // before it ends; the new guarantee starts after the old loan is repaid.
    const renewalDay = busyUntil - random.int(5, 30);
    const appliedDay = drawnDay < busyUntil ? renewalDay : drawnDay;
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
      contract = {
        contractNo: numbering.take(startDay),
        bank: random.weighted(BANKS, (b) => b.weight),
        amountFen: amount,
        termMonths,
        loanRateBp: random.int(380, 650),
        feeRateBp: random.pick([80, 100, 120, 150, 180, 200]),
        startDay,
        endDay,
        plantedGuarantors: [],
        defaultDay: null,
      };
    }
    applications.push({
      appliedDay,
      amountFen: amount,
      termMonths,
      purpose: random.pick(PURPOSES),
      channel: random.pick(CHANNELS),
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
