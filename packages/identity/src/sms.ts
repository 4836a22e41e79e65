// Applicants' SMS codes: the provider interface, an in-process outbox standing in for the gateway in
// tests and `just up` (it shows the codes sent), and the rate limits per number and per IP.

export interface SmsMessage {
  readonly phoneNumber: string;
  /** The verification code (a gateway's template variable). */
  readonly code: string;
  /** The whole text as the person reads it. */
  readonly text: string;
}

/** What a production SMS gateway client implements. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** Keeps every message sent, newest last; `latestCode` reads the code a person would see. */
export class SmsOutbox implements SmsSender {
  readonly messages: SmsMessage[] = [];

  send(message: SmsMessage): Promise<void> {
    this.messages.push(message);
    return Promise.resolve();
  }

  latestCode(phoneNumber: string): string | undefined {
    const message = this.messages.findLast((m) => m.phoneNumber === phoneNumber);
    return message === undefined ? undefined : /(\d{6})/.exec(message.text)?.[1];
  }
}

export function smsCodeText(code: string): string {
  return `【智慧担保】您的验证码为 ${code}，5 分钟内有效。请勿告诉他人。`;
}

export interface SmsLimit {
  readonly key: 'phone' | 'ip';
  readonly windowMs: number;
  readonly max: number;
}

/** One code per number a minute, five an hour; twenty an hour from one IP. */
export const SMS_LIMITS: readonly SmsLimit[] = [
  { key: 'phone', windowMs: 60_000, max: 1 },
  { key: 'phone', windowMs: 3_600_000, max: 5 },
  { key: 'ip', windowMs: 3_600_000, max: 20 },
];

/** The first limit a new send would exceed, given earlier sends' times; undefined when allowed. */
export function exceededSmsLimit(
  sends: { readonly phone: readonly Date[]; readonly ip: readonly Date[] },
  now: Date,
  limits: readonly SmsLimit[] = SMS_LIMITS,
): SmsLimit | undefined {
  return limits.find(
    (limit) =>
      sends[limit.key].filter((at) => now.getTime() - at.getTime() < limit.windowMs).length >=
      limit.max,
  );
}
