/**
 * Planted patterns: mutual guarantees (互保), guarantee chains (连环担保) and circles (担保圈) of
 * length 2–6, one person behind many loans or many guarantees, and intermediary rings sharing a
 * phone and an address. They appear in the sources only as the links themselves (counter-guarantee
 * rows, legal representatives, phones, addresses); the list goes to ground-truth/patterns.ndjson.
 *
 * Member order: for guarantee_chain, members[i+1] guarantees members[i]'s latest contract; a
 * guarantee_circle adds members[0] guaranteeing the last member; in a mutual_guarantee each of the
 * two guarantees the other. For one_person_many_loans / one_person_many_guarantees, members[0] is
 * the person's ID number and the rest are the borrowers; for intermediary_ring, all members share
 * one phone and one address.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import { contractsOf } from './guarantee-book.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { PersonRegistry } from './synthetic-persons.ts';
import { epochDayToIsoDate } from './world-calendar.ts';

export const PATTERN_KINDS = [
  'mutual_guarantee',
  'guarantee_chain',
  'guarantee_circle',
  'one_person_many_loans',
  'one_person_many_guarantees',
  'intermediary_ring',
] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export interface PlantedPattern {
  readonly pattern_id: string;
  readonly kind: PatternKind;
  readonly length: number;
  readonly members: readonly string[];
  readonly planted_at: string;
}

export interface PlantedWorld {
  readonly patterns: readonly PlantedPattern[];
  /** Groups linked by guarantees (mutual, chain, circle, one guarantor behind all): defaults spread. */
  readonly guaranteeGroups: readonly (readonly Customer[])[];
}

/** Patterns of each kind per 1,000 customers (at least one of each). */
const PER_THOUSAND: Readonly<Record<PatternKind, number>> = {
  mutual_guarantee: 8,
  guarantee_chain: 6,
  guarantee_circle: 5,
  one_person_many_loans: 3,
  one_person_many_guarantees: 3,
  intermediary_ring: 4,
};

function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

function memberAt(group: readonly Customer[], index: number): Customer {
  const member = group[index];
  if (member === undefined) throw new RangeError(`no member ${String(index)} in group`);
  return member;
}

function latestContract(customer: Customer): Contract {
  const contract = contractsOf(customer).at(-1);
  if (contract === undefined) throw new Error(`customer ${customer.customerId} has no contract`);
  return contract;
}

function guarantorOf(customer: Customer): Contract['plantedGuarantors'][number] {
  const subject = customer.subject;
  return {
    kind: '保证',
    name: subject.name,
    uscc: subject.uscc,
    idNumber: subject.uscc === null ? subject.legalRep.idNumber : null,
  };
}

export function plantPatterns(
  customers: readonly Customer[],
  seed: number,
  persons: PersonRegistry,
): PlantedWorld {
  const random = streamFor(seed, STREAM.patterns, 0);
  const withContract = customers.filter((c) => contractsOf(c).length > 0);
  const organisations = shuffled(
    withContract.filter((c) => c.subject.uscc !== null),
    random,
  );
  const anyone = shuffled(withContract, random);
  const companies = organisations.filter((c) => c.subject.kind !== 'individual_business');
  const used = new Set<number>();
  const take = (pool: readonly Customer[], n: number): Customer[] | null => {
    const picked: Customer[] = [];
    for (const c of pool) {
      if (picked.length === n) break;
      if (!used.has(c.subject.index)) picked.push(c);
    }
    if (picked.length < n) return null;
    for (const c of picked) used.add(c.subject.index);
    return picked;
  };
  const patterns: PlantedPattern[] = [];
  const guaranteeGroups: Customer[][] = [];
  const add = (
    kind: PatternKind,
    members: readonly string[],
    length: number,
    day: number,
  ): void => {
    patterns.push({
      pattern_id: `P${String(patterns.length + 1).padStart(5, '0')}`,
      kind,
      length,
      members,
      planted_at: epochDayToIsoDate(day),
    });
  };
  const link = (borrower: Customer, guarantor: Customer): number => {
    const contract = latestContract(borrower);
    contract.plantedGuarantors.push(guarantorOf(guarantor));
    return contract.startDay;
  };

  for (const kind of PATTERN_KINDS) {
    const count = Math.max(1, Math.round((PER_THOUSAND[kind] * customers.length) / 1000));
    for (let p = 0; p < count; p += 1) {
      if (
        kind === 'mutual_guarantee' ||
        kind === 'guarantee_chain' ||
        kind === 'guarantee_circle'
      ) {
        const length =
          kind === 'mutual_guarantee' ? 2 : random.int(kind === 'guarantee_circle' ? 3 : 2, 6);
        const group = take(organisations, length);
        if (group === null) break;
        let planted = 0;
        for (let i = 0; i + 1 < group.length; i += 1) {
          planted = Math.max(planted, link(memberAt(group, i), memberAt(group, i + 1)));
        }
        if (kind !== 'guarantee_chain') {
          planted = Math.max(planted, link(memberAt(group, length - 1), memberAt(group, 0)));
        }
        guaranteeGroups.push(group);
        add(
          kind,
          group.map((c) => c.subject.key),
          length,
          planted,
        );
      } else if (kind === 'one_person_many_loans') {
        const length = random.int(3, 6);
        // Individual businesses carry their operator's name, so the person fronts companies.
        const group = take(companies, length);
        if (group === null) break;
        const person = persons.draw(random, group[0]?.subject.countyCode ?? '640104');
        for (const member of group) member.subject.legalRep = person;
        guaranteeGroups.push(group);
        const planted = Math.max(...group.map((c) => latestContract(c).startDay));
        add(kind, [person.idNumber, ...group.map((c) => c.subject.key)], length, planted);
      } else if (kind === 'one_person_many_guarantees') {
        const length = random.int(4, 8);
        const group = take(anyone, length);
        if (group === null) break;
        const person = persons.draw(random, group[0]?.subject.countyCode ?? '640104');
        let planted = 0;
        for (const member of group) {
          const contract = latestContract(member);
          contract.plantedGuarantors.push({
            kind: '保证',
            name: person.name,
            uscc: null,
            idNumber: person.idNumber,
          });
          planted = Math.max(planted, contract.startDay);
        }
        guaranteeGroups.push(group);
        add(kind, [person.idNumber, ...group.map((c) => c.subject.key)], length, planted);
      } else {
        const length = random.int(3, 6);
        const group = take(anyone, length);
        if (group === null) break;
        const [head] = group;
        if (head === undefined) break;
        for (const member of group) {
          member.subject.phone = head.subject.phone;
          member.subject.address = head.subject.address;
        }
        const planted = Math.max(...group.map((c) => c.createdDay));
        add(
          kind,
          group.map((c) => c.subject.key),
          length,
          planted,
        );
      }
    }
  }
  return { patterns, guaranteeGroups };
}
