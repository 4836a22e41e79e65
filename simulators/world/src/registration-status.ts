/**
 * 登记状态 of an organisation at asOf, and the day it closed (注销 / 吊销) when it did. Decided from
 * the subject's own stream so the commerce record, the tax invoices and the bank accounts agree:
 * a closed organisation stops invoicing and banking after its closing day. Customers stay open.
 */
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';

export type RegistrationStatus = '存续' | '在业' | '注销' | '吊销';

export interface RegistrationState {
  readonly status: RegistrationStatus;
  readonly closedDay: number | null;
}

export function registrationStateOf(
  subject: Subject,
  isCustomer: boolean,
  seed: number,
  historyStartDay: number,
  asOfDay: number,
): RegistrationState {
  const random = streamFor(seed, STREAM.status, subject.index);
  const roll = random.next();
  if (subject.uscc === null) return { status: '存续', closedDay: null };
  if (isCustomer || roll < 0.62) return { status: roll < 0.7 ? '存续' : '在业', closedDay: null };
  if (roll < 0.92) return { status: '在业', closedDay: null };
  const closedDay = random.int(
    Math.max(historyStartDay, subject.establishedDay + 365),
    asOfDay - 30,
  );
  return { status: roll < 0.96 ? '注销' : '吊销', closedDay };
}
