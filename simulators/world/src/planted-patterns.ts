/**
 * Planted patterns: mutual guarantees (互保), guarantee chains (连环担保, 2–5 links) and circles
 * (担保圈, 3–6 members, some overlapping — sharing members with an earlier circle — and some
 * nested — a chord closing a smaller circle inside a bigger one), one person behind many loans or
 * many guarantees, and intermediary rings sharing a phone and an address. Besides them: ordinary
 * company-to-company guarantees that form no pattern (isolated links) and decoys (pattern-decoys.ts).
 * They appear in the sources only as the links themselves (counter-guarantees, credit-report
 * guarantees, legal representatives, phones, addresses); the lists go to ground-truth/.
 *
 * Company links are dated guarantee contracts (guarantee-links.ts): each guarantee pattern is
 * anchored on a day, every link is in force on it, and the pattern carries its edges and the
 * interval [in_force_from, in_force_to] in which all of them are in force.
 *
 * Member order: for guarantee_chain, members[i+1] guarantees members[i]; a guarantee_circle adds
 * members[0] guaranteeing the last member; in a mutual_guarantee each of the two guarantees the
 * other. For one_person_many_loans / one_person_many_guarantees, members[0] is the person's ID
 * number and the rest are the borrowers; for intermediary_ring, all members share one phone and
 * one address.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import { contractsOf } from './guarantee-book.ts';
import type { Contract, Customer } from './guarantee-book.ts';
import { GuaranteeLinks, anchorDay, linkRecord, reportDays } from './guarantee-links.ts';
import type { GuaranteeLink } from './guarantee-links.ts';
import { plantDecoys } from './pattern-decoys.ts';
import type { Decoy } from './pattern-decoys.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
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
  /** Guarantee patterns: the dated links, in member order (guarantee-links.ts linkRecord). */
  readonly edges?: readonly Record<string, unknown>[];
  /** Guarantee patterns: first and last day on which every edge is in force. */
  readonly in_force_from?: string;
  readonly in_force_to?: string;
}

export interface PlantedWorld {
  readonly patterns: readonly PlantedPattern[];
  /** Groups linked by guarantees (mutual, chain, circle, one guarantor behind all): defaults spread. */
  readonly guaranteeGroups: readonly (readonly Customer[])[];
  /** Every company-to-company guarantee, in patterns or not. */
  readonly links: GuaranteeLinks;
  readonly decoys: readonly Decoy[];
  /** Companies fronted by one person (one_person_many_loans): one controller's group. */
  readonly controlGroups: readonly (readonly Customer[])[];
}

/** Patterns of each kind per 1,000 customers (at least one of each; at least 3 circles). */
const PER_THOUSAND: Readonly<Record<PatternKind, number>> = {
  mutual_guarantee: 8,
  guarantee_chain: 6,
  guarantee_circle: 5,
  one_person_many_loans: 3,
  one_person_many_guarantees: 3,
  intermediary_ring: 4,
};
/** Ordinary company-to-company guarantees per 1,000 customers (at least 2). */
const ORDINARY_PER_THOUSAND = 25;
/** Chance that a guarantee pattern passes through one credit-report-only link. */
const EXTERNAL_EDGE_CHANCE: Readonly<Record<string, number>> = {
  mutual_guarantee: 0.1,
  guarantee_chain: 0.2,
  guarantee_circle: 0.35,
};
const OVERLAP_CHANCE = 0.3;
const NEST_CHANCE = 0.25;
/** Share of ordinary guarantees given to a non-customer (credit report only). */
const ORDINARY_OUTSIDE_SHARE = 0.3;

export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

function memberAt<T>(group: readonly T[], index: number): T {
  const member = group[index];
  if (member === undefined) throw new RangeError(`no member ${String(index)} in group`);
  return member;
}

function latestContract(customer: Customer): Contract {
  const contract = contractsOf(customer).at(-1);
  if (contract === undefined) throw new Error(`customer ${customer.customerId} has no contract`);
  return contract;
}

/** Picks customers not used by another pattern yet. */
class MemberPool {
  readonly used = new Set<number>();

  take(pool: readonly Customer[], n: number): Customer[] | null {
    const picked: Customer[] = [];
    for (const c of pool) {
      if (picked.length === n) break;
      if (!this.used.has(c.subject.index)) picked.push(c);
    }
    if (picked.length < n) return null;
    for (const c of picked) this.used.add(c.subject.index);
    return picked;
  }
}

interface LinkedPattern {
  readonly edges: GuaranteeLink[];
  readonly fromDay: number;
  readonly toDay: number;
}

/**
 * Links a group as a chain (members[i+1] → members[i]) or a cycle (plus members[0] → last), all
 * in force on `day`; `externalEdge` (index in edge order) goes through a credit report.
 */
function linkGroup(
  links: GuaranteeLinks,
  group: readonly Customer[],
  closed: boolean,
  day: number,
  patternId: string,
  externalEdge: number | null,
): LinkedPattern {
  const pairs: [Customer, Customer][] = [];
  for (let i = 0; i + 1 < group.length; i += 1) {
    pairs.push([memberAt(group, i + 1), memberAt(group, i)]);
  }
  if (closed) pairs.push([memberAt(group, 0), memberAt(group, group.length - 1)]);
  const edges = pairs.map(([guarantor, borrower], i) =>
    links.link(guarantor, borrower, day, { external: i === externalEdge, patternId }),
  );
  return {
    edges,
    fromDay: Math.max(...edges.map((e) => e.validFrom)),
    toDay: Math.min(...edges.map((e) => e.validTo)),
  };
}

export function plantPatterns(
  customers: readonly Customer[],
  others: readonly Subject[],
  context: { readonly seed: number; readonly asOfDay: number },
  persons: PersonRegistry,
): PlantedWorld {
  const { seed, asOfDay } = context;
  const random = streamFor(seed, STREAM.patterns, 0);
  const linkRandom = streamFor(seed, STREAM.guaranteeLinks, 0);
  const links = new GuaranteeLinks(linkRandom);
  const withContract = customers.filter((c) => contractsOf(c).length > 0);
  const organisations = shuffled(
    withContract.filter((c) => c.subject.uscc !== null),
    random,
  );
  const anyone = shuffled(withContract, random);
  const companies = organisations.filter((c) => c.subject.kind !== 'individual_business');
  const pool = new MemberPool();
  const patterns: PlantedPattern[] = [];
  const guaranteeGroups: Customer[][] = [];
  const circles: Customer[][] = [];
  const controlGroups: Customer[][] = [];
  const nextId = (): string => `P${String(patterns.length + 1).padStart(5, '0')}`;
  const add = (
    kind: PatternKind,
    members: readonly string[],
    length: number,
    day: number,
    linked?: LinkedPattern,
  ): void => {
    patterns.push({
      pattern_id: nextId(),
      kind,
      length,
      members,
      planted_at: epochDayToIsoDate(day),
      ...(linked === undefined
        ? {}
        : {
            edges: linked.edges.map(linkRecord),
            in_force_from: epochDayToIsoDate(linked.fromDay),
            in_force_to: epochDayToIsoDate(linked.toDay),
          }),
    });
  };
  const plantLinked = (kind: PatternKind, group: Customer[], day: number): void => {
    const closed = kind !== 'guarantee_chain';
    const edgeCount = closed ? group.length : group.length - 1;
    const externalEdge = linkRandom.chance(EXTERNAL_EDGE_CHANCE[kind] ?? 0)
      ? linkRandom.int(0, edgeCount - 1)
      : null;
    const linked = linkGroup(links, group, closed, day, nextId(), externalEdge);
    guaranteeGroups.push(group);
    add(kind, keysOf(group), group.length, linked.fromDay, linked);
  };

  for (const kind of PATTERN_KINDS) {
    const minimum = kind === 'guarantee_circle' ? 3 : 1;
    const count = Math.max(minimum, Math.round((PER_THOUSAND[kind] * customers.length) / 1000));
    for (let p = 0; p < count; p += 1) {
      if (kind === 'guarantee_circle') {
        const group = circleGroup(pool, organisations, circles, p, random);
        if (group === null) break;
        const day = anchorDay(group, asOfDay);
        plantLinked(kind, group, day);
        circles.push(group);
        // Nested: a chord members[0] → members[j] closes a smaller circle inside this one.
        if (group.length >= 4 && (p === 0 || random.chance(NEST_CHANCE))) {
          const j = random.int(2, group.length - 2);
          const inner = group.slice(0, j + 1);
          const linked = linkGroup(links, inner, true, day, nextId(), null);
          add(kind, keysOf(inner), inner.length, linked.fromDay, linked);
        }
      } else if (kind === 'mutual_guarantee' || kind === 'guarantee_chain') {
        const length = kind === 'mutual_guarantee' ? 2 : random.int(3, 6);
        const group = pool.take(organisations, length);
        if (group === null) break;
        plantLinked(kind, group, anchorDay(group, asOfDay));
      } else {
        const planted = plantPersonPattern(kind, { companies, anyone }, pool, random, persons);
        if (planted === null) break;
        if (kind !== 'intermediary_ring') guaranteeGroups.push(planted.group);
        if (kind === 'one_person_many_loans') controlGroups.push(planted.group);
        add(kind, planted.members, planted.group.length, planted.plantedDay);
      }
    }
  }
  plantOrdinaryGuarantees(links, pool, organisations, others, customers.length, linkRandom);
  const decoys = plantDecoys(organisations, pool.used, customers.length, linkRandom);
  return { patterns, guaranteeGroups, links, decoys, controlGroups };
}

function keysOf(group: readonly Customer[]): string[] {
  return group.map((c) => c.subject.key);
}

interface PersonPattern {
  readonly group: Customer[];
  readonly members: string[];
  readonly plantedDay: number;
}

/**
 * The patterns made by people and contact details: one person as legal representative of 3–6
 * companies, one person guaranteeing the latest contract of 4–8 borrowers, or 3–6 customers
 * sharing the first one's phone and address (an intermediary ring).
 */
function plantPersonPattern(
  kind: 'one_person_many_loans' | 'one_person_many_guarantees' | 'intermediary_ring',
  pools: { readonly companies: readonly Customer[]; readonly anyone: readonly Customer[] },
  pool: MemberPool,
  random: SeededRandom,
  persons: PersonRegistry,
): PersonPattern | null {
  if (kind === 'one_person_many_loans') {
    const length = random.int(3, 6);
    // Individual businesses carry their operator's name, so the person fronts companies.
    const group = pool.take(pools.companies, length);
    if (group === null) return null;
    const person = persons.draw(random, group[0]?.subject.countyCode ?? '640104');
    for (const member of group) member.subject.legalRep = person;
    const plantedDay = Math.max(...group.map((c) => latestContract(c).startDay));
    return { group, members: [person.idNumber, ...keysOf(group)], plantedDay };
  }
  if (kind === 'one_person_many_guarantees') {
    const length = random.int(4, 8);
    const group = pool.take(pools.anyone, length);
    if (group === null) return null;
    const person = persons.draw(random, group[0]?.subject.countyCode ?? '640104');
    let plantedDay = 0;
    for (const member of group) {
      const contract = latestContract(member);
      contract.plantedGuarantors.push({
        kind: '保证',
        name: person.name,
        uscc: null,
        idNumber: person.idNumber,
      });
      plantedDay = Math.max(plantedDay, contract.startDay);
    }
    return { group, members: [person.idNumber, ...keysOf(group)], plantedDay };
  }
  const length = random.int(3, 6);
  const group = pool.take(pools.anyone, length);
  const head = group?.[0];
  if (group === null || head === undefined) return null;
  for (const member of group) {
    member.subject.phone = head.subject.phone;
    member.subject.address = head.subject.address;
  }
  return {
    group,
    members: keysOf(group),
    plantedDay: Math.max(...group.map((c) => c.createdDay)),
  };
}

/**
 * Members of the p-th circle: fresh organisations, or (the second circle always, later ones by
 * chance) 1–2 members of an earlier circle placed apart with fresh members between them, so the
 * circles overlap without sharing a link.
 */
function circleGroup(
  pool: MemberPool,
  organisations: readonly Customer[],
  circles: readonly Customer[][],
  p: number,
  random: SeededRandom,
): Customer[] | null {
  const earlier = circles.length === 0 ? null : random.pick(circles);
  if (earlier === null || !(p === 1 || random.chance(OVERLAP_CHANCE))) {
    // The first circle has 4+ members so that a nested circle fits in it.
    return pool.take(organisations, random.int(p === 0 ? 4 : 3, 6));
  }
  const shared = shuffled(earlier, random).slice(0, earlier.length >= 4 ? random.int(1, 2) : 1);
  const length = random.int(shared.length === 2 ? 4 : 3, 6);
  const fresh = pool.take(organisations, length - shared.length);
  if (fresh === null) return null;
  const [first, second] = shared;
  if (first === undefined) return null;
  // second (when present) at index 2: never next to first (index 0 is adjacent to the last).
  return second === undefined
    ? [first, ...fresh]
    : [first, memberAt(fresh, 0), second, ...fresh.slice(1)];
}

/**
 * Ordinary guarantees: isolated links between organisations in no pattern (each used once), in
 * our book when the borrower is a customer, or to a non-customer through a credit report.
 */
function plantOrdinaryGuarantees(
  links: GuaranteeLinks,
  pool: MemberPool,
  organisations: readonly Customer[],
  others: readonly Subject[],
  customerCount: number,
  random: SeededRandom,
): void {
  const count = Math.max(2, Math.round((ORDINARY_PER_THOUSAND * customerCount) / 1000));
  const outsiders = shuffled(
    others.filter((s) => s.uscc !== null),
    random,
  );
  for (let i = 0; i < count; i += 1) {
    const outsider = random.chance(ORDINARY_OUTSIDE_SHARE) ? outsiders.pop() : undefined;
    if (outsider !== undefined) {
      const [guarantor] = pool.take(organisations, 1) ?? [];
      if (guarantor === undefined) return;
      links.link(guarantor, outsider, random.pick(reportDays(guarantor)), { external: true });
      continue;
    }
    const pair = pool.take(organisations, 2);
    if (pair === null) return;
    const [borrower, guarantor] = pair as [Customer, Customer];
    const contract = random.pick(contractsOf(borrower));
    links.link(guarantor, borrower, contract.startDay);
  }
}
