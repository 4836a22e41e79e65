/**
 * Synthetic people: names from @sg/simulator-kit's name pool, resident ID numbers with a Ningxia
 * county address code, a coherent birth date and sex (odd sequence = male) and a valid check
 * character. Numbers are generated, never taken from anyone: any match with a real person is
 * coincidental. The registry keeps ID numbers unique across the world.
 */
import { residentIdCheckChar } from '@sg/domain';
import { syntheticPersonName } from '@sg/simulator-kit';
import type { SeededRandom } from '@sg/simulator-kit';
import { epochDayToIsoDate, isoDateToEpochDay } from './world-calendar.ts';

export interface SyntheticPerson {
  readonly name: string;
  readonly idNumber: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

const OLDEST_BIRTH_DAY = isoDateToEpochDay('1955-01-01');
const YOUNGEST_BIRTH_DAY = isoDateToEpochDay('2001-12-31');

export class PersonRegistry {
  readonly #ids = new Set<string>();

  /** A new person registered in `countyCode`, unique by ID number. */
  draw(random: SeededRandom, countyCode: string): SyntheticPerson {
    const name = syntheticPersonName(random);
    const birthDay = random.int(OLDEST_BIRTH_DAY, YOUNGEST_BIRTH_DAY);
    const birthDate = epochDayToIsoDate(birthDay);
    const sex = random.chance(0.62) ? 'male' : 'female';
    for (;;) {
      const sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
      const first17 = `${countyCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const idNumber = first17 + residentIdCheckChar(first17);
      if (!this.#ids.has(idNumber)) {
        this.#ids.add(idNumber);
        return { name, idNumber, birthDate, sex };
      }
    }
  }
}

/** A mainland mobile number (synthetic). */
export function syntheticPhone(random: SeededRandom): string {
  let phone = random.pick(['139', '138', '137', '158', '186', '189', '151', '133', '177']);
  for (let i = 0; i < 8; i += 1) phone += String(random.int(0, 9));
  return phone;
}

const STREET_NAMES =
  '北京 正源 凤凰 解放 文化 长城 宁安 黄河 贺兰山 朔方 建设 民族 新华 友爱 利民'.split(' ');
const STREET_KINDS = ['路', '街', '大道'];

/** A street address inside a county: 宁夏回族自治区 + prefecture + county + street + number. */
export function syntheticAddress(
  random: SeededRandom,
  prefectureName: string,
  countyName: string,
): string {
  return (
    `宁夏回族自治区${prefectureName}${countyName}` +
    `${random.pick(STREET_NAMES)}${random.pick(STREET_KINDS)}${String(random.int(1, 999))}号`
  );
}
