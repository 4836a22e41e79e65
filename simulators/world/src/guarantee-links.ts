/**
 * Dated company-to-company guarantees (担保关系): every planted link is a guarantee contract with a
 * number and a validity interval, so a detector can be scored at any date.
 *
 * A link "guarantor → borrower" in force on day d lands in one of two places:
 * - our book: a counter-guarantee (反担保保证合同 `<contract>-G<n>`) on the borrower's guarantee
 *   contract in force on d, valid over that contract's term (t_counter_guarantee);
 * - a credit report only (对外担保 to a lender outside our book): the guarantor's 征信 report, pulled
 *   when we investigate one of its applications, lists it (t_credit_report_guarantee), valid over
 *   the outside loan's term, which covers both d and that report's date.
 * Links are kept per (guarantor, borrower) pair: a pattern that needs a pair already linked on d
 * reuses that link (nested circles share edges).
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Contract, Customer } from './guarantee-book.ts';
import { contractsOf } from './guarantee-book.ts';
import type { Subject } from './subjects.ts';
import { epochDayToIsoDate, yearOf } from './world-calendar.ts';

export type LinkSource = 'counter_guarantee' | 'credit_report';

/** A lender outside our book (credit-report guarantees only). */
export interface OutsideLender {
  readonly code: string;
  readonly name: string;
}

export const OUTSIDE_LENDERS: readonly OutsideLender[] = [
  { code: 'SZS', name: '石嘴山银行股份有限公司' },
  { code: 'PSB', name: '中国邮政储蓄银行股份有限公司宁夏回族自治区分行' },
  { code: 'CCB', name: '中国建设银行股份有限公司宁夏回族自治区分行' },
  { code: 'XDG', name: '银川市某小额贷款有限公司' },
  { code: 'ZLG', name: '宁夏某融资租赁有限公司' },
];

export interface GuaranteeLink {
  readonly guarantor: Customer;
  readonly borrower: Subject;
  readonly source: LinkSource;
  /** 反担保合同编号 in our book, or the outside lender's 保证合同编号. */
  readonly contractNo: string;
  /** Our guarantee contract, or the outside loan's number. */
  readonly guaranteedContractNo: string;
  readonly validFrom: number;
  readonly validTo: number;
  /** Outside lender (credit-report links only). */
  readonly lender: OutsideLender | null;
  readonly amountFen: number;
  /** Patterns this link belongs to (empty: an ordinary guarantee). */
  readonly patternIds: string[];
}

function inForce(customer: Customer, day: number): Contract | null {
  return contractsOf(customer).find((c) => c.startDay <= day && day <= c.endDay) ?? null;
}

/** Days a report on the customer was pulled: the investigation of each non-withdrawn application. */
export function reportDays(customer: Customer): number[] {
  return customer.applications
    .filter((a) => a.outcome !== 'withdrawn')
    .map((a) => a.investigatedDay);
}

/**
 * The day a group's links are dated around: the contract start (≤ asOf) on which most members
 * have a guarantee in force in our book; ties go to the earliest.
 */
export function anchorDay(group: readonly Customer[], asOfDay: number): number {
  let best = -1;
  let bestDay = asOfDay;
  const candidates = group
    .flatMap((c) => contractsOf(c).map((k) => k.startDay))
    .filter((day) => day <= asOfDay)
    .sort((a, b) => a - b);
  for (const day of candidates) {
    const score = group.filter((c) => inForce(c, day) !== null).length;
    if (score > best) {
      best = score;
      bestDay = day;
    }
  }
  return bestDay;
}

/** Every company-to-company guarantee of the world, by pair and by guarantor. */
export class GuaranteeLinks {
  readonly all: GuaranteeLink[] = [];
  readonly #byPair = new Map<string, GuaranteeLink[]>();
  readonly #byGuarantor = new Map<number, GuaranteeLink[]>();
  #outsideSeq = 0;

  readonly #random: SeededRandom;

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  /**
   * The link guarantor → borrower in force on `day`: an existing one, else a counter-guarantee on
   * the borrower's contract in force on day, else (or when `external`) a credit-report guarantee.
   */
  link(
    guarantor: Customer,
    borrower: Customer | Subject,
    day: number,
    options: { external?: boolean; patternId?: string } = {},
  ): GuaranteeLink {
    const borrowerSubject = 'subject' in borrower ? borrower.subject : borrower;
    const pair = `${guarantor.subject.key}>${borrowerSubject.key}`;
    const existing = this.#byPair.get(pair)?.find((l) => l.validFrom <= day && day <= l.validTo);
    const contract =
      'subject' in borrower && options.external !== true ? inForce(borrower, day) : null;
    const link =
      existing ??
      (contract === null
        ? this.#outside(guarantor, borrowerSubject, day)
        : this.#counter(guarantor, borrowerSubject, contract));
    if (existing === undefined) {
      this.all.push(link);
      this.#byPair.set(pair, [...(this.#byPair.get(pair) ?? []), link]);
    }
    if (options.patternId !== undefined) link.patternIds.push(options.patternId);
    return link;
  }

  /** Credit-report links listed in the guarantor's reports, by the guarantor's subject index. */
  externalOf(guarantor: Subject): readonly GuaranteeLink[] {
    return this.#byGuarantor.get(guarantor.index) ?? [];
  }

  #counter(guarantor: Customer, borrower: Subject, contract: Contract): GuaranteeLink {
    const contractNo = `${contract.contractNo}-G${String(contract.plantedGuarantors.length + 1)}`;
    contract.plantedGuarantors.push({
      kind: '保证',
      name: guarantor.subject.name,
      uscc: guarantor.subject.uscc,
      idNumber: guarantor.subject.uscc === null ? guarantor.subject.legalRep.idNumber : null,
      counterContractNo: contractNo,
    });
    return {
      guarantor,
      borrower,
      source: 'counter_guarantee',
      contractNo,
      guaranteedContractNo: contract.contractNo,
      validFrom: contract.startDay,
      validTo: contract.endDay,
      lender: null,
      amountFen: contract.amountFen,
      patternIds: [],
    };
  }

  #outside(guarantor: Customer, borrower: Subject, day: number): GuaranteeLink {
    const random = this.#random;
    const reports = reportDays(guarantor);
    if (reports.length === 0) throw new Error(`customer ${guarantor.customerId} has no report`);
    const report = reports.reduce((a, b) => (Math.abs(b - day) < Math.abs(a - day) ? b : a));
    const validFrom = Math.min(day, report) - random.int(30, 240);
    const validTo = Math.max(day, report) + random.int(30, 300);
    const lender = random.pick(OUTSIDE_LENDERS);
    this.#outsideSeq += 1;
    const seq = String(this.#outsideSeq).padStart(6, '0');
    const link: GuaranteeLink = {
      guarantor,
      borrower,
      source: 'credit_report',
      contractNo: `${lender.code}BZ${String(yearOf(validFrom))}${seq}`,
      guaranteedContractNo: `${lender.code}JK${String(yearOf(validFrom))}${seq}`,
      validFrom,
      validTo,
      lender,
      amountFen: random.int(20, 800) * 1_000_000,
      patternIds: [],
    };
    const list = this.#byGuarantor.get(guarantor.subject.index) ?? [];
    list.push(link);
    this.#byGuarantor.set(guarantor.subject.index, list);
    return link;
  }
}

/** The ground-truth form of a link (ground-truth/guarantee-links.ndjson, pattern edges). */
export function linkRecord(link: GuaranteeLink): Record<string, unknown> {
  return {
    guarantor: link.guarantor.subject.key,
    borrower: link.borrower.key,
    source: link.source,
    contract_no: link.contractNo,
    guaranteed_contract_no: link.guaranteedContractNo,
    valid_from: epochDayToIsoDate(link.validFrom),
    valid_to: epochDayToIsoDate(link.validTo),
  };
}
