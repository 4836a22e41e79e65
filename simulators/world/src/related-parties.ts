/**
 * Related parties (关联方) the legacy system records per customer: the legal representative's (or
 * the person's) spouse, the actual controller of an organisation (usually its legal
 * representative), and the other companies of a group under one controller (the
 * one_person_many_loans groups of planted-patterns.ts, recorded for most but not all members).
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Customer } from './guarantee-book.ts';
import type { Subject } from './subjects.ts';
import type { PersonRegistry } from './synthetic-persons.ts';

export type RelationType = 'spouse' | 'actual_controller' | 'group_member';

export interface RelatedParty {
  readonly relation: RelationType;
  readonly name: string;
  readonly idNumber: string | null;
  readonly uscc: string | null;
}

const MARRIED_SHARE = 0.75;
const CONTROLLER_IS_LEGAL_REP = 0.85;
const GROUP_RECORDED_SHARE = 0.7;

export function relatedParties(
  subject: Subject,
  controlGroup: readonly Customer[] | undefined,
  persons: PersonRegistry,
  random: SeededRandom,
): RelatedParty[] {
  const parties: RelatedParty[] = [];
  if (random.chance(MARRIED_SHARE)) {
    const spouse = persons.draw(random, subject.countyCode);
    parties.push({ relation: 'spouse', name: spouse.name, idNumber: spouse.idNumber, uscc: null });
  }
  const organisation = subject.kind === 'enterprise' || subject.kind === 'farmer_cooperative';
  if (organisation) {
    const controller =
      controlGroup !== undefined || random.chance(CONTROLLER_IS_LEGAL_REP)
        ? subject.legalRep
        : persons.draw(random, subject.countyCode);
    parties.push({
      relation: 'actual_controller',
      name: controller.name,
      idNumber: controller.idNumber,
      uscc: null,
    });
  }
  if (controlGroup !== undefined && random.chance(GROUP_RECORDED_SHARE)) {
    for (const member of controlGroup) {
      if (member.subject.index === subject.index) continue;
      parties.push({
        relation: 'group_member',
        name: member.subject.name,
        idNumber: null,
        uscc: member.subject.uscc,
      });
    }
  }
  return parties;
}
