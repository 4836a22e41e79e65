/**
 * Decoys: unrelated firms that legitimately share a contact detail, so a detector that links
 * firms by one shared attribute scores false positives. Firms in one industrial park (产业园)
 * share its address (each keeps its own phone); small firms served by one bookkeeping agency
 * (代理记账) give its accountant's phone (each keeps its own address). No guarantee links them; the
 * list goes to ground-truth/decoys.ndjson. Intermediary rings (planted-patterns.ts) share both.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Customer } from './guarantee-book.ts';
import { syntheticPhone } from './synthetic-persons.ts';

export type DecoyKind = 'industrial_park_address' | 'accountant_phone';

export interface Decoy {
  readonly decoy_id: string;
  readonly kind: DecoyKind;
  /** The shared address or phone. */
  readonly shared: string;
  readonly members: readonly string[];
}

/** Decoys of each kind per 1,000 customers (at least one of each). */
const PER_THOUSAND: Readonly<Record<DecoyKind, number>> = {
  industrial_park_address: 3,
  accountant_phone: 3,
};

const PARKS = [
  '银川经济技术开发区创新产业园',
  '银川高新技术产业开发区科技园',
  '宁夏现代农业产业园',
  '银川综合保税区物流园',
  '贺兰工业园区',
  '永宁县望远工业园区',
];

/** The park address: the county part of the first member's address, the park, a building. */
function parkAddress(address: string, random: SeededRandom): string {
  const county = /^(.*?[区县市])(?!.*[区县市])/.exec(address.replace(/\d+号$/, ''))?.[1] ?? '';
  return `${county}${random.pick(PARKS)}${String(random.int(1, 30))}号楼`;
}

/** Plants decoys among organisations not in any pattern (marks them used). */
export function plantDecoys(
  organisations: readonly Customer[],
  used: Set<number>,
  customerCount: number,
  random: SeededRandom,
): Decoy[] {
  const decoys: Decoy[] = [];
  for (const kind of Object.keys(PER_THOUSAND) as DecoyKind[]) {
    const count = Math.max(1, Math.round((PER_THOUSAND[kind] * customerCount) / 1000));
    for (let d = 0; d < count; d += 1) {
      const size = random.int(3, 5);
      const group = organisations.filter((c) => !used.has(c.subject.index)).slice(0, size);
      if (group.length < size) return decoys;
      const [head] = group;
      if (head === undefined) return decoys;
      const shared =
        kind === 'industrial_park_address'
          ? parkAddress(head.subject.address, random)
          : syntheticPhone(random);
      for (const member of group) {
        used.add(member.subject.index);
        if (kind === 'industrial_park_address') member.subject.address = shared;
        else member.subject.phone = shared;
      }
      decoys.push({
        decoy_id: `D${String(decoys.length + 1).padStart(5, '0')}`,
        kind,
        shared,
        members: group.map((c) => c.subject.key),
      });
    }
  }
  return decoys;
}
