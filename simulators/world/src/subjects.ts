/**
 * The world's subjects: enterprises (USCC 91…), individual businesses (92…), farmer cooperatives
 * (93…) and farmers (persons). Subject i draws from its own random stream, so it does not depend on
 * how many subjects follow it. Each organisation has a legal representative; the hidden causes of
 * default (industry cycle, leverage, management quality) are drawn here and exported only to the
 * ground truth.
 */
import { findRegion, organizationCodeCheckChar, usccCheckChar, USCC_ALPHABET } from '@sg/domain';
import {
  INDUSTRY_PROFILES,
  NINGXIA_NAME_PREFIX,
  YINCHUAN_GUARANTOR_SERVICE_AREA,
  countyWeightsFor,
  createSeededRandom,
  deriveSeed,
} from '@sg/simulator-kit';
import type {
  CountyChoice,
  IndustryProfile,
  PrefectureShares,
  SeededRandom,
} from '@sg/simulator-kit';
import { syntheticAddress, syntheticPhone } from './synthetic-persons.ts';
import type { PersonRegistry, SyntheticPerson } from './synthetic-persons.ts';
import { isoDateToEpochDay } from './world-calendar.ts';

export const SUBJECT_KINDS = [
  'enterprise',
  'individual_business',
  'farmer_cooperative',
  'farmer',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export type CommerceEntityType = '企业' | '个体工商户' | '农民专业合作社';

export interface HiddenCauses {
  /** Severity of the downturn the subject's industry goes through, 0 (none) … 1 (deep). */
  readonly industryCycle: number;
  /** Debt to assets, 0.1 … 0.95. */
  readonly leverage: number;
  /** Management quality, 0 (poor) … 1 (excellent). */
  readonly management: number;
}

/**
 * The subject's size in its last full year before the as-of date: what its annual report (企业年报)
 * states when filed honestly, and the inputs of the SME size classification (@sg/domain).
 */
export interface SubjectSize {
  /** 从业人员. */
  readonly employees: number;
  /** 营业收入 of the year, in 分. */
  readonly revenueFen: number;
  /** 资产总额 at the year end, in 分. */
  readonly totalAssetsFen: number;
}

export interface Subject {
  readonly index: number;
  readonly subjectId: string;
  readonly kind: SubjectKind;
  /** USCC for organisations; null for farmers. */
  readonly uscc: string | null;
  readonly name: string;
  /** The legal representative; for a farmer, the farmer. */
  legalRep: SyntheticPerson;
  readonly countyCode: string;
  readonly prefectureCode: string;
  readonly industryCode: string;
  readonly profile: IndustryProfile;
  readonly registeredCapitalFen: number;
  readonly establishedDay: number;
  phone: string;
  address: string;
  readonly hidden: HiddenCauses;
  readonly size: SubjectSize;
  /** Key in every file: USCC, or the farmer's ID number. */
  readonly key: string;
}

/** Stream sections: each aspect of a record draws from its own stream. */
export const STREAM = {
  identity: 1,
  business: 2,
  commerce: 3,
  tax: 4,
  bank: 5,
  perturbation: 6,
  patterns: 7,
  cycle: 8,
  contagion: 9,
  status: 10,
  finance: 11,
  annualReports: 12,
  businessLegacy: 13,
  guaranteeLinks: 14,
  placement: 15,
} as const;

export function streamFor(seed: number, section: number, index: number): SeededRandom {
  return createSeededRandom(deriveSeed(deriveSeed(seed, section), index));
}

const KIND_WEIGHTS: readonly (readonly [SubjectKind, number])[] = [
  ['enterprise', 46],
  ['individual_business', 32],
  ['farmer_cooperative', 8],
  ['farmer', 14],
];

const USCC_PREFIX: Readonly<Record<Exclude<SubjectKind, 'farmer'>, string>> = {
  enterprise: '91',
  individual_business: '92',
  farmer_cooperative: '93',
};

export const COMMERCE_ENTITY_TYPE: Readonly<
  Record<Exclude<SubjectKind, 'farmer'>, CommerceEntityType>
> = {
  enterprise: '企业',
  individual_business: '个体工商户',
  farmer_cooperative: '农民专业合作社',
};

/** Kind-specific preference for the three clusters (farmers and cooperatives farm). */
function profileWeight(kind: SubjectKind, profile: IndustryProfile): number {
  if (kind === 'farmer' || kind === 'farmer_cooperative') {
    return profile.cluster === 'specialty_agriculture' ? profile.weight : 0;
  }
  if (kind === 'individual_business') {
    const factor: Readonly<Record<IndustryProfile['cluster'], number>> = {
      new_industry: 0.2,
      specialty_agriculture: 0.6,
      modern_services: 1.2,
      local_trade: 3,
    };
    return profile.weight * factor[profile.cluster];
  }
  return profile.cluster === 'specialty_agriculture' ? profile.weight : profile.weight * 1.5;
}

const countyChoiceCache = new WeakMap<PrefectureShares, Map<string, CountyChoice[]>>();

/** Counties a trade's subjects register in, weighted by the guarantor's service area. */
function countyChoicesFor(profile: IndustryProfile, shares: PrefectureShares): CountyChoice[] {
  let byProfile = countyChoiceCache.get(shares);
  if (byProfile === undefined) {
    byProfile = new Map(
      INDUSTRY_PROFILES.map((p) => [p.profileId, countyWeightsFor(p.favouredCounties, 4, shares)]),
    );
    countyChoiceCache.set(shares, byProfile);
  }
  return byProfile.get(profile.profileId) ?? [];
}

const TRADE_FIRST = '塞贺沙宁朔凤鸣泾盐罗银金红青天恒鑫瑞嘉福润泰源华隆昌盛德信'.split('');
const TRADE_SECOND = '上兰湖安方城沙源泰丰禾润达盛远通和兴晟宇'.split('');
const SHOP_SUFFIX = ['商行', '经营部', '养殖场', '种植园', '门市部', '服务部'];

function tradeName(random: SeededRandom): string {
  const first = random.pick(TRADE_FIRST);
  let second = random.pick(TRADE_SECOND);
  while (second === first) second = random.pick(TRADE_SECOND);
  return first + second;
}

function organisationName(
  random: SeededRandom,
  kind: Exclude<SubjectKind, 'farmer'>,
  profile: IndustryProfile,
  county: CountyChoice,
  countyName: string,
  legalRepName: string,
): string {
  const phrase = random.pick(profile.namePhrases);
  if (kind === 'individual_business') {
    return `${county.prefecture.namePrefix}市${countyName}${legalRepName}${profile.label}${random.pick(SHOP_SUFFIX)}`;
  }
  if (kind === 'farmer_cooperative') {
    return `${countyName}${tradeName(random)}${profile.label}专业合作社`;
  }
  const form = random.weighted(
    [
      ['有限公司', 80],
      ['有限责任公司', 15],
      ['股份有限公司', 5],
    ] as const,
    ([, w]) => w,
  )[0];
  const style = random.next();
  if (style < 0.15) return `${tradeName(random)}（宁夏）${phrase}${form}`;
  const prefix = style < 0.5 ? NINGXIA_NAME_PREFIX : county.prefecture.namePrefix;
  return `${prefix}${tradeName(random)}${phrase}${form}`;
}

function usccFor(
  random: SeededRandom,
  kind: Exclude<SubjectKind, 'farmer'>,
  countyCode: string,
): string {
  let body = '';
  if (random.chance(0.7)) {
    body = 'MA';
    for (let i = 0; i < 6; i += 1) body += random.pick(USCC_ALPHABET.split(''));
  } else {
    for (let i = 0; i < 8; i += 1) body += String(random.int(0, 9));
  }
  const first17 = `${USCC_PREFIX[kind]}${countyCode}${body}${organizationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

function capitalFen(random: SeededRandom, kind: SubjectKind, profile: IndustryProfile): number {
  const [minWan, maxWan] =
    kind === 'enterprise'
      ? profile.capitalWanRange
      : kind === 'farmer_cooperative'
        ? ([10, 500] as const)
        : ([1, 50] as const);
  const wan = Math.exp(Math.log(minWan) + random.next() * (Math.log(maxWan) - Math.log(minWan)));
  const rounded = wan < 100 ? Math.max(1, Math.round(wan)) : Math.round(wan / 10) * 10;
  return rounded * 1_000_000;
}

const FEN_PER_WAN = 1_000_000;

function logUniform(random: SeededRandom, min: number, max: number): number {
  return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

/**
 * Employees, revenue and total assets consistent with the subject's kind, trade and hidden health:
 * assets from capital and leverage (enterprises) or small household ranges (个体户, farmers),
 * revenue from the trade's asset turnover scaled down by poor management and a deep downturn,
 * people from the trade's revenue per person.
 */
export function subjectSize(
  random: SeededRandom,
  subject: Pick<Subject, 'kind' | 'profile' | 'registeredCapitalFen' | 'hidden'>,
): SubjectSize {
  const { kind, profile, hidden } = subject;
  const health = (0.55 + 0.45 * hidden.management) * (1 - 0.35 * hidden.industryCycle);
  const assetsWan =
    kind === 'enterprise'
      ? ((subject.registeredCapitalFen / FEN_PER_WAN) * logUniform(random, 0.4, 1.6)) /
        (1 - Math.min(hidden.leverage, 0.8))
      : kind === 'farmer_cooperative'
        ? logUniform(random, 20, 1500)
        : kind === 'individual_business'
          ? logUniform(random, 5, 300)
          : logUniform(random, 3, 80);
  const revenueWan = assetsWan * profile.assetTurnover * health * logUniform(random, 0.6, 1.6);
  const perPerson = profile.revenuePerEmployeeWan * logUniform(random, 0.6, 1.5);
  const people = Math.max(1, Math.round(revenueWan / perPerson));
  const employees =
    kind === 'farmer'
      ? random.int(1, 3)
      : kind === 'individual_business'
        ? Math.min(people, random.int(2, 12))
        : kind === 'farmer_cooperative'
          ? Math.max(people, random.int(3, 12))
          : people;
  return {
    employees,
    revenueFen: Math.round(revenueWan * 100) * 10_000,
    totalAssetsFen: Math.round(assetsWan * 100) * 10_000,
  };
}

/** Downturn severity per industry profile for this seed (one draw per profile). */
export function industryCycleSeverities(seed: number): ReadonlyMap<string, number> {
  return new Map(
    INDUSTRY_PROFILES.map((profile, i) => {
      const random = streamFor(seed, STREAM.cycle, i);
      return [
        profile.profileId,
        random.chance(0.35) ? 0.5 + random.next() * 0.5 : random.next() * 0.4,
      ];
    }),
  );
}

export interface SubjectContext {
  readonly seed: number;
  readonly asOfDay: number;
  readonly persons: PersonRegistry;
  readonly cycles: ReadonlyMap<string, number>;
  readonly usccs: Set<string>;
  /** Customer share per prefecture; default: a 银川 city guarantor's service area. */
  readonly serviceArea?: PrefectureShares;
}

const FIRST_ESTABLISHED_DAY = isoDateToEpochDay('2000-01-01');

export function generateSubject(index: number, context: SubjectContext): Subject {
  const random = streamFor(context.seed, STREAM.identity, index);
  const kind = random.weighted(KIND_WEIGHTS, ([, w]) => w)[0];
  const profile = random.weighted(INDUSTRY_PROFILES, (p) => profileWeight(kind, p));
  const industryCode = random.pick(profile.industryCodes);
  const county = streamFor(context.seed, STREAM.placement, index).weighted(
    countyChoicesFor(profile, context.serviceArea ?? YINCHUAN_GUARANTOR_SERVICE_AREA),
    (c) => c.weight,
  );
  const countyName = findRegion(county.countyCode)?.name ?? '';
  const prefectureName = findRegion(county.prefecture.prefectureCode)?.name ?? '';
  const legalRep = context.persons.draw(random, county.countyCode);
  const establishedDay =
    FIRST_ESTABLISHED_DAY +
    Math.floor((1 - (1 - random.next()) ** 1.6) * (context.asOfDay - 400 - FIRST_ESTABLISHED_DAY));
  const hidden: HiddenCauses = {
    industryCycle: context.cycles.get(profile.profileId) ?? 0,
    leverage: Math.round((0.1 + 0.85 * random.next() ** 1.3) * 1000) / 1000,
    management: Math.round(random.next() ** 0.7 * 1000) / 1000,
  };
  let uscc: string | null = null;
  let name = legalRep.name;
  if (kind !== 'farmer') {
    name = organisationName(random, kind, profile, county, countyName, legalRep.name);
    uscc = usccFor(random, kind, county.countyCode);
    while (context.usccs.has(uscc)) uscc = usccFor(random, kind, county.countyCode);
    context.usccs.add(uscc);
  }
  const registeredCapitalFen = kind === 'farmer' ? 0 : capitalFen(random, kind, profile);
  return {
    index,
    subjectId: `S${String(index + 1).padStart(7, '0')}`,
    kind,
    uscc,
    name,
    legalRep,
    countyCode: county.countyCode,
    prefectureCode: county.prefecture.prefectureCode,
    industryCode,
    profile,
    registeredCapitalFen,
    establishedDay,
    phone: syntheticPhone(random),
    address: syntheticAddress(random, prefectureName, countyName),
    hidden,
    size: subjectSize(streamFor(context.seed, STREAM.annualReports, index), {
      kind,
      profile,
      registeredCapitalFen,
      hidden,
    }),
    key: uscc ?? legalRep.idNumber,
  };
}

export function isOrganisation(subject: Subject): subject is Subject & { readonly uscc: string } {
  return subject.uscc !== null;
}
