import { describe, expect, it } from 'vitest';
import { exceededSmsLimit, SmsOutbox, smsCodeText } from './sms.ts';

const NOW = new Date('2026-12-04T10:00:00Z');
const secondsAgo = (seconds: number): Date => new Date(NOW.getTime() - seconds * 1000);

describe('exceededSmsLimit', () => {
  it.each([
    ['first code', [], [], undefined],
    ['second code within a minute', [30], [30], 60_000],
    ['second code after a minute', [61], [61], undefined],
    ['sixth code in an hour', [61, 600, 1200, 1800, 2400], [], 3_600_000],
    [
      '21st code from one IP in an hour',
      [],
      Array.from({ length: 20 }, (_, i) => 100 + i),
      3_600_000,
    ],
  ] satisfies [string, number[], number[], number | undefined][])(
    '%s',
    (_name, phone, ip, window) => {
      const limit = exceededSmsLimit({ phone: phone.map(secondsAgo), ip: ip.map(secondsAgo) }, NOW);
      expect(limit?.windowMs).toBe(window);
    },
  );
});

describe('SmsOutbox', () => {
  it('shows the latest code sent to a number', async () => {
    const outbox = new SmsOutbox();
    await outbox.send({ phoneNumber: '13912345678', code: '123456', text: smsCodeText('123456') });
    await outbox.send({ phoneNumber: '13912345678', code: '654321', text: smsCodeText('654321') });
    expect(outbox.latestCode('13912345678')).toBe('654321');
    expect(outbox.latestCode('13800000000')).toBeUndefined();
  });
});
