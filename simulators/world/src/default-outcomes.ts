/**
 * Who defaults, and when. A customer's chance follows its hidden causes (industry downturn,
 * leverage, poor management) plus noise; contagion then spreads defaults along planted guarantee
 * links (a guarantor that must pay, or a borrower whose guarantor failed). Observable signals are
 * generated later from the same hidden causes and outcome, with noise, so they predict default
 * only partly.
 */
import { contractsOf } from './guarantee-book.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import { loanSchedule } from './loan-schedule.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { HiddenCauses } from './subjects.ts';
import type { SeededRandom } from '@sg/simulator-kit';

/** 0 (sound) … 1 (fragile). */
export function riskScore(hidden: HiddenCauses): number {
  return 0.4 * hidden.industryCycle + 0.35 * hidden.leverage + 0.25 * (1 - hidden.management);
}

export function baseDefaultProbability(hidden: HiddenCauses): number {
  return 0.005 + 0.6 * riskScore(hidden) ** 4;
}

export interface DefaultOutcome {
  readonly defaultDay: number;
  readonly viaContagion: boolean;
}

/** Marks the first contract still running at `fromDay` as defaulted at a due date after it. */
function defaultOn(
  contracts: readonly Contract[],
  fromDay: number,
  asOfDay: number,
  random: SeededRandom,
): number | null {
  for (const contract of contracts) {
    if (contract.endDay < fromDay || contract.startDay > asOfDay) continue;
    const due = loanSchedule(
      contract.amountFen,
      contract.loanRateBp,
      contract.startDay,
      contract.termMonths,
      contract.repaymentType,
    ).filter((p) => p.dueDay >= fromDay && p.dueDay <= asOfDay && p.periodNo > 1);
    const period = due.length === 0 ? undefined : due[random.int(0, Math.min(2, due.length - 1))];
    if (period === undefined) return null;
    contract.defaultDay = period.dueDay;
    return period.dueDay;
  }
  return null;
}

/** Base defaults from hidden causes; returns outcome per subject index. */
export function decideBaseDefaults(
  customers: readonly Customer[],
  seed: number,
  asOfDay: number,
): Map<number, DefaultOutcome> {
  const outcomes = new Map<number, DefaultOutcome>();
  for (const customer of customers) {
    const random = streamFor(seed, STREAM.contagion, customer.subject.index);
    const contracts = contractsOf(customer);
    const last = contracts.at(-1);
    if (last === undefined || !random.chance(baseDefaultProbability(customer.subject.hidden))) {
      continue;
    }
    const fromDay = last.startDay + random.int(30, 300);
    const day = defaultOn(contracts, Math.min(fromDay, last.endDay), asOfDay, random);
    if (day !== null)
      outcomes.set(customer.subject.index, { defaultDay: day, viaContagion: false });
  }
  return outcomes;
}

/**
 * Contagion along guarantee groups (mutual guarantees, chains, circles): when one member
 * defaults, each other member defaults with probability `strength` a few months later.
 */
export function spreadContagion(
  groups: readonly (readonly Customer[])[],
  outcomes: Map<number, DefaultOutcome>,
  seed: number,
  asOfDay: number,
  strength = 0.6,
): void {
  groups.forEach((group, groupIndex) => {
    const random = streamFor(seed, STREAM.contagion, 10_000_000 + groupIndex);
    const first = group
      .map((c) => outcomes.get(c.subject.index)?.defaultDay)
      .filter((d): d is number => d !== undefined)
      .sort((a, b) => a - b)[0];
    if (first === undefined) return;
    for (const member of group) {
      if (outcomes.has(member.subject.index) || !random.chance(strength)) continue;
      const day = defaultOn(contractsOf(member), first + random.int(30, 150), asOfDay, random);
      if (day !== null) outcomes.set(member.subject.index, { defaultDay: day, viaContagion: true });
    }
  });
}
