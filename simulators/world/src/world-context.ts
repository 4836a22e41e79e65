/**
 * What the per-source renderers share while the world is written: parameters, the planned
 * subjects and book, outcomes, the open files and the running row numbers of the legacy tables.
 */
import type { ContractHistory } from './contract-history.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import type { CustomerCreditLine } from './credit-lines.ts';
import type { DefaultOutcome } from './default-outcomes.ts';
import type { GuaranteeLinks } from './guarantee-links.ts';
import type { SubjectPerturbations } from './perturbations.ts';
import type { RegistrationState } from './registration-status.ts';
import type { Subject } from './subjects.ts';
import type { PersonRegistry } from './synthetic-persons.ts';
import type { WorldFiles } from './world-files.ts';
import type { WorldScale } from './world-size.ts';

export interface WorldContext {
  readonly seed: number;
  readonly asOfDay: number;
  readonly historyStartDay: number;
  readonly scale: WorldScale;
  readonly subjects: readonly Subject[];
  readonly files: WorldFiles;
  readonly persons: PersonRegistry;
  readonly outcomes: ReadonlyMap<number, DefaultOutcome>;
  readonly counters: Map<string, number>;
  /** Company-to-company guarantees; credit-report ones are written with the guarantor's reports. */
  readonly guaranteeLinks: GuaranteeLinks;
  /** Companies under one controller (planted one_person_many_loans groups), by subject index. */
  readonly controlGroups: ReadonlyMap<number, readonly Customer[]>;
}

/** Everything known about one subject while its rows are written. */
export interface SubjectView {
  readonly subject: Subject;
  readonly customer: Customer | null;
  readonly outcome: DefaultOutcome | undefined;
  readonly perturbations: SubjectPerturbations;
  readonly histories: ReadonlyMap<Contract, ContractHistory>;
  readonly risk: number;
  readonly registration: RegistrationState;
  /** The customer's credit line (客户授信), when it has one. */
  readonly creditLine: CustomerCreditLine | null;
}

/** Next value of a named running number (1, 2, …). */
export function nextNumber(context: WorldContext, name: string): number {
  const value = (context.counters.get(name) ?? 0) + 1;
  context.counters.set(name, value);
  return value;
}

export function logPerturbation(
  context: WorldContext,
  source: string,
  file: string,
  key: string,
  kind: string,
): void {
  context.files.write('ground-truth/perturbations.ndjson', { source, file, key, kind });
}
