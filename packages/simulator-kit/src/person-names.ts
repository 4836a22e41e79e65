/**
 * Synthetic Chinese personal names for legal representatives. Surnames follow the rough frequency
 * of the region (马 and 杨 are common among Ningxia's Hui population); given names are built from
 * a neutral character pool. Any match with a real person is coincidental.
 */
import type { SeededRandom } from './seeded-random.ts';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10],
  ['李', 9],
  ['张', 9],
  ['马', 8],
  ['刘', 7],
  ['杨', 6],
  ['陈', 4],
  ['赵', 4],
  ['周', 3],
  ['吴', 3],
  ['田', 2],
  ['丁', 2],
  ['何', 2],
  ['罗', 2],
  ['郭', 2],
  ['海', 1],
  ['纳', 1],
  ['拜', 1],
];

const GIVEN_NAME_CHARS =
  '建国平军华明伟强磊洋勇静丽娟敏燕霞刚辉文斌鹏飞涛亮成红梅玲芳兰玉海春雪宁瑞祥福贵永忠学'.split(
    '',
  );

export function syntheticPersonName(random: SeededRandom): string {
  const [surname] = random.weighted(SURNAMES, ([, weight]) => weight);
  const givenLength = random.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < givenLength; i += 1) given += random.pick(GIVEN_NAME_CHARS);
  return surname + given;
}
