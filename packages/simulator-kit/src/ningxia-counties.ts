/**
 * Where simulated enterprises register: the county-level divisions of Ningxia (GB/T 2260, see
 * docs/domain.md §7.4). The codes are checked against @sg/domain's region snapshot by the tests;
 * this module only adds what the simulation needs on top: how much business each prefecture
 * attracts and the short place name used at the start of company names (银川XX新材料有限公司).
 */

export interface PrefectureProfile {
  readonly prefectureCode: string;
  /** Place name as it appears in company names (市 dropped). */
  readonly namePrefix: string;
  /** Relative share of enterprises. */
  readonly weight: number;
  readonly countyCodes: readonly string[];
}

export const NINGXIA_PREFECTURE_PROFILES: readonly PrefectureProfile[] = [
  {
    prefectureCode: '640100',
    namePrefix: '银川',
    weight: 45,
    countyCodes: ['640104', '640105', '640106', '640121', '640122', '640181'],
  },
  {
    prefectureCode: '640200',
    namePrefix: '石嘴山',
    weight: 15,
    countyCodes: ['640202', '640205', '640221'],
  },
  {
    prefectureCode: '640300',
    namePrefix: '吴忠',
    weight: 17,
    countyCodes: ['640302', '640303', '640323', '640324', '640381'],
  },
  {
    prefectureCode: '640400',
    namePrefix: '固原',
    weight: 10,
    countyCodes: ['640402', '640422', '640423', '640424', '640425'],
  },
  {
    prefectureCode: '640500',
    namePrefix: '中卫',
    weight: 13,
    countyCodes: ['640502', '640521', '640522'],
  },
];

/** Province-wide name prefix (宁夏XX枸杞科技有限公司). */
export const NINGXIA_NAME_PREFIX = '宁夏';

/**
 * Share of a guarantor's customers per prefecture (relative weights by prefecture code). A city
 * guarantor lends mostly in its city and less in its service area; prefectures left out get none.
 */
export type PrefectureShares = Readonly<Record<string, number>>;

/**
 * The default service area of a 银川 city guarantor: most customers in 银川 (its six districts and
 * counties), the rest in the neighbouring prefectures it serves. An assumption, not a statistic:
 * pass other shares to model another guarantor.
 */
export const YINCHUAN_GUARANTOR_SERVICE_AREA: PrefectureShares = {
  '640100': 76,
  '640200': 8,
  '640300': 9,
  '640500': 4,
  '640400': 3,
};

export interface CountyChoice {
  readonly countyCode: string;
  readonly prefecture: PrefectureProfile;
  readonly weight: number;
}

/**
 * Every county with its weight for one trade: the prefecture's share (its `weight`, or its entry in
 * `prefectureShares` when given) split evenly across its counties, multiplied by `favouredFactor`
 * for the counties where the trade concentrates.
 */
export function countyWeightsFor(
  favouredCounties: readonly string[],
  favouredFactor = 4,
  prefectureShares?: PrefectureShares,
): CountyChoice[] {
  return NINGXIA_PREFECTURE_PROFILES.flatMap((prefecture) => {
    const share = prefectureShares
      ? (prefectureShares[prefecture.prefectureCode] ?? 0)
      : prefecture.weight;
    return prefecture.countyCodes.map((countyCode) => ({
      countyCode,
      prefecture,
      weight:
        (share / prefecture.countyCodes.length) *
        (favouredCounties.includes(countyCode) ? favouredFactor : 1),
    }));
  });
}
