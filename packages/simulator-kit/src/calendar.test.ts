import { describe, expect, it } from 'vitest';
import {
  beijingToEpochSeconds,
  epochDayToIsoDate,
  epochSecondsToBeijing,
  epochSecondsToIsoUtc,
  isoDateToEpochDay,
} from './calendar.ts';

describe('calendar', () => {
  it.each([
    ['the epoch', '1970-01-01', 0],
    ['a leap day', '2024-02-29', 19_782],
    ['the default as-of date', '2025-06-30', 20_269],
  ])('maps %s to its epoch day and back', (_name, iso, day) => {
    expect(isoDateToEpochDay(iso)).toBe(day);
    expect(epochDayToIsoDate(day)).toBe(iso);
  });

  it.each([['2023-02-29'], ['2025-13-01'], ['2025-6-30'], ['']])('rejects "%s"', (text) => {
    expect(() => isoDateToEpochDay(text)).toThrow(RangeError);
  });

  it.each([
    ['midnight Beijing is 16:00 UTC the day before', '2025-06-30 00:00:00', '2025-06-29T16:00:00Z'],
    ['a date alone means Beijing midnight', '2025-06-30', '2025-06-29T16:00:00Z'],
    ['an afternoon', '2024-02-29 15:30:45', '2024-02-29T07:30:45Z'],
  ])('reads vendor time: %s', (_name, beijing, utc) => {
    const seconds = beijingToEpochSeconds(beijing);
    expect(seconds).toBeDefined();
    expect(epochSecondsToIsoUtc(seconds ?? 0)).toBe(utc);
  });

  it('writes vendor time as Beijing wall-clock time', () => {
    expect(epochSecondsToBeijing(Date.parse('2025-06-29T16:00:00Z') / 1000)).toBe(
      '2025-06-30 00:00:00',
    );
  });

  it.each([['2025-06-30T00:00:00'], ['2025-06-30 24:00:00'], ['2025-02-30 10:00:00'], ['昨天']])(
    'refuses vendor time "%s"',
    (text) => {
      expect(beijingToEpochSeconds(text)).toBeUndefined();
    },
  );
});
