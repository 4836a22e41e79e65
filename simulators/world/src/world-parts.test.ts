import { describe, expect, it } from 'vitest';
import { isValidResidentId, isValidUscc, normalizeCodeInput, parseResidentId } from '@sg/domain';
import { createSeededRandom } from '@sg/simulator-kit';
import { loanSchedule } from './loan-schedule.ts';
import { formerName, nameVariant, toFullWidth, withWrongCheckChar } from './perturbations.ts';
import { PersonRegistry } from './synthetic-persons.ts';
import { addMonths, isoDateToEpochDay, epochDayToIsoDate } from './world-calendar.ts';

describe('loanSchedule', () => {
  it.each([
    ['12 months', 1_000_000_00, 450, 12],
    ['odd amount, 7 months', 123_456_78, 600, 7],
    ['36 months', 5_000_000_00, 385, 36],
  ] as const)(
    '%s: principal repaid exactly, interest on the falling balance',
    (_, principal, rate, term) => {
      const periods = loanSchedule(principal, rate, isoDateToEpochDay('2024-01-31'), term);
      expect(periods).toHaveLength(term);
      expect(periods.reduce((sum, p) => sum + p.principalDueFen, 0)).toBe(principal);
      expect(periods[0]?.interestDueFen).toBe(Math.round((principal * rate) / 10_000 / 12));
      for (let i = 1; i < periods.length; i += 1) {
        expect(periods[i]?.outstandingBeforeFen).toBeLessThan(
          periods[i - 1]?.outstandingBeforeFen ?? 0,
        );
      }
    },
  );

  it('falls due monthly, clamped to the month end', () => {
    const periods = loanSchedule(1_200_00, 500, isoDateToEpochDay('2024-01-31'), 3);
    expect(periods.map((p) => epochDayToIsoDate(p.dueDay))).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
    expect(epochDayToIsoDate(addMonths(isoDateToEpochDay('2025-06-30'), -24))).toBe('2023-06-30');
  });
});

describe('perturbations', () => {
  const uscc = '91640181MA21BTG29P';
  it('full-width codes normalise back; wrong check characters fail validation', () => {
    expect(isValidUscc(uscc)).toBe(true);
    expect(toFullWidth(uscc)).not.toBe(uscc);
    expect(normalizeCodeInput(toFullWidth(uscc))).toBe(uscc);
    expect(isValidUscc(withWrongCheckChar(uscc))).toBe(false);
  });

  it.each([
    ['恒源（宁夏）新能源有限公司', '恒源(宁夏)新能源有限公司'],
    ['宁夏塞上枸杞科技有限公司', '塞上枸杞科技有限公司'],
    ['银川塞上枸杞科技有限公司', '银川塞上枸杞科技（有限公司）'],
  ])('name variant of %s is %s', (name, variant) => {
    expect(nameVariant(name)).toBe(variant);
  });

  it('a former name differs from the current one', () => {
    expect(formerName('宁夏塞上乳业有限公司')).toBe('宁夏塞上乳业有限责任公司');
    expect(formerName('宁夏塞上乳业有限责任公司')).toBe('宁夏塞上乳业有限公司');
  });
});

describe('PersonRegistry', () => {
  it('draws unique, valid, coherent synthetic ID numbers', () => {
    const registry = new PersonRegistry();
    const random = createSeededRandom(1);
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const person = registry.draw(random, '640104');
      expect(isValidResidentId(person.idNumber)).toBe(true);
      const parsed = parseResidentId(person.idNumber);
      expect(
        parsed.ok && parsed.value.birthDate === person.birthDate && parsed.value.sex === person.sex,
      ).toBe(true);
      expect(person.idNumber.startsWith('640104')).toBe(true);
      ids.add(person.idNumber);
    }
    expect(ids.size).toBe(2000);
  });
});
