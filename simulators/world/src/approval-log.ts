/**
 * The approval log of one review project (docs/domain.md §5): the A角 and B角 investigations, the
 * review committee (评审会) votes — sometimes adjourned for reconsideration (续议) and met again,
 * sometimes ended by the risk director's veto (一票否决) — and the approver's decision, each dated
 * and signed by user id. The log agrees with the project's decision: an approved project has a
 * two-thirds committee majority and the approver's consent, a rejected one does not.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import { APPROVER, COMMITTEE_USERS, PROJECT_MANAGERS, userIdOf } from './business-reference.ts';

export type ApprovalStep =
  'investigate_a' | 'investigate_b' | 'committee_vote' | 'committee_result' | 'approve';
export type ApprovalOpinion = 'agree' | 'disagree' | 'reconsider' | 'veto';

export interface ApprovalEntry {
  readonly step: ApprovalStep;
  readonly userId: string;
  readonly opinion: ApprovalOpinion;
  readonly day: number;
  /** Committee meeting number (1, or 2 after 续议); 0 outside the committee. */
  readonly meeting: number;
}

export interface ApprovalInput {
  readonly officerA: string;
  readonly investigatedDay: number;
  readonly decidedDay: number;
  readonly approved: boolean;
}

const RECONSIDER_SHARE = 0.1;
const VETO_SHARE_OF_REJECTIONS = 0.2;

function committeeVotes(
  approved: boolean,
  random: SeededRandom,
): { opinions: ApprovalOpinion[]; veto: boolean } {
  const members = COMMITTEE_USERS.length;
  // Two thirds decide: an approval has at most one dissent, a rejection at most two agrees.
  const against = approved ? random.int(0, 1) : random.int(members - 2, members);
  const opinions: ApprovalOpinion[] = COMMITTEE_USERS.map((_, i) =>
    i < against ? 'disagree' : 'agree',
  );
  const veto = !approved && random.chance(VETO_SHARE_OF_REJECTIONS);
  if (veto) opinions[0] = 'veto';
  return { opinions, veto };
}

export function approvalLog(input: ApprovalInput, random: SeededRandom): ApprovalEntry[] {
  const officerA = userIdOf(input.officerA);
  const others = PROJECT_MANAGERS.filter((user) => user.userId !== officerA);
  const officerB = random.pick(others).userId;
  const entries: ApprovalEntry[] = [
    {
      step: 'investigate_a',
      userId: officerA,
      opinion: 'agree',
      day: input.investigatedDay,
      meeting: 0,
    },
    {
      step: 'investigate_b',
      userId: officerB,
      opinion: input.approved || random.chance(0.5) ? 'agree' : 'disagree',
      day: input.investigatedDay + random.int(0, 2),
      meeting: 0,
    },
  ];
  const span = Math.max(1, input.decidedDay - input.investigatedDay - 1);
  let meetingDay = input.investigatedDay + Math.max(1, Math.floor(span / 3));
  let meeting = 1;
  if (random.chance(RECONSIDER_SHARE) && span >= 4) {
    for (const member of COMMITTEE_USERS) {
      entries.push({
        step: 'committee_vote',
        userId: member.userId,
        opinion: 'reconsider',
        day: meetingDay,
        meeting,
      });
    }
    entries.push({
      step: 'committee_result',
      userId: COMMITTEE_USERS[0]?.userId ?? officerA,
      opinion: 'reconsider',
      day: meetingDay,
      meeting,
    });
    meeting = 2;
    meetingDay = Math.min(input.decidedDay - 1, meetingDay + Math.max(1, Math.floor(span / 3)));
  }
  const { opinions, veto } = committeeVotes(input.approved, random);
  COMMITTEE_USERS.forEach((member, i) => {
    entries.push({
      step: 'committee_vote',
      userId: member.userId,
      opinion: opinions[i] ?? 'agree',
      day: meetingDay,
      meeting,
    });
  });
  const result: ApprovalOpinion = input.approved ? 'agree' : veto ? 'veto' : 'disagree';
  entries.push({
    step: 'committee_result',
    userId: COMMITTEE_USERS[0]?.userId ?? officerA,
    opinion: result,
    day: meetingDay,
    meeting,
  });
  if (input.approved) {
    entries.push({
      step: 'approve',
      userId: APPROVER?.userId ?? officerA,
      opinion: 'agree',
      day: input.decidedDay,
      meeting: 0,
    });
  }
  return entries;
}
