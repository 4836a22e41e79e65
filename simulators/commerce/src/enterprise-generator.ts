/**
 * Deterministic generator of the simulated Ningxia enterprises that the commerce vendor serves.
 *
 * Record i draws from its own random stream (seed, i), so a larger world starts with the same
 * enterprises as a smaller one of the same seed, and records can be generated one at a time
 * (`iterateCommerceEnterprises`) without holding the world in memory. Names and USCCs are unique;
 * on a collision the record draws again from its own stream.
 */
import { USCC_ALPHABET, organizationCodeCheckChar, usccCheckChar } from '@sg/domain';
import {
  epochDayToIsoDate,
  epochSecondsToIsoUtc,
  isoDateToEpochDay,
  BEIJING_OFFSET_SECONDS,
} from '@sg/simulator-kit';
import { INDUSTRY_PROFILES } from '@sg/simulator-kit';
import type { IndustryProfile } from '@sg/simulator-kit';
import { NINGXIA_NAME_PREFIX, countyWeightsFor } from '@sg/simulator-kit';
import type { CountyChoice } from '@sg/simulator-kit';
import { syntheticPersonName } from '@sg/simulator-kit';
import { createSeededRandom, deriveSeed } from '@sg/simulator-kit';
import type { SeededRandom } from '@sg/simulator-kit';

/** 登记状态 as the vendor reports it. */
export const REGISTRATION_STATUSES = ['存续', '在业', '注销', '吊销'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** One enterprise of the simulated world (the truth the vendor's API renders). */
export interface CommerceEnterprise {
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly legalRepresentative: string;
  /** GB/T 2260 county code of the registering authority (USCC positions 3–8). */
  readonly regionCode: string;
  /** GB/T 4754-2017 小类 code. */
  readonly industryCode: string;
  readonly industryProfileId: string;
  /** Registered capital in fen (integer). */
  readonly registeredCapitalFen: number;
  /** 'YYYY-MM-DD'. */
  readonly establishedDate: string;
  readonly registrationStatus: RegistrationStatus;
  /** Last change of the record at the vendor, UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
  readonly updatedAt: string;
}

export interface GenerateOptions {
  /** The world's "today" (Beijing date); nothing is established or updated after it. */
  readonly asOf?: string;
}

export const DEFAULT_AS_OF = '2025-06-30';
export const DEFAULT_ENTERPRISE_COUNT = 120;

const FIRST_REGISTRATION_DATE = '1995-01-01';
/** Codes with the 'MA' subject identifier prefix were issued after the USCC reform (2015-10-01). */
const USCC_REFORM_DATE = '2015-10-01';
const FEN_PER_HUNDREDTH_WAN = 10_000;

const TRADE_NAME_FIRST = '塞贺沙宁朔凤鸣泾盐罗银金红青天恒鑫瑞嘉福润泰源华隆昌盛德信'.split('');
const TRADE_NAME_SECOND = '上兰湖安方城沙源泰丰禾润达盛远通和兴晟宇'.split('');

const ORGANISATION_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 80],
  ['有限责任公司', 15],
  ['股份有限公司', 5],
];

const STATUS_WEIGHTS: readonly (readonly [RegistrationStatus, number])[] = [
  ['存续', 62],
  ['在业', 24],
  ['注销', 8],
  ['吊销', 6],
];

const COUNTY_CHOICES = new Map<string, CountyChoice[]>(
  INDUSTRY_PROFILES.map((profile) => [
    profile.profileId,
    countyWeightsFor(profile.favouredCounties),
  ]),
);

function tradeName(random: SeededRandom): string {
  let second = random.pick(TRADE_NAME_SECOND);
  const first = random.pick(TRADE_NAME_FIRST);
  while (second === first) second = random.pick(TRADE_NAME_SECOND);
  return first + second;
}

function enterpriseName(
  random: SeededRandom,
  profile: IndustryProfile,
  county: CountyChoice,
): string {
  const prefix = random.chance(0.35) ? NINGXIA_NAME_PREFIX : county.prefecture.namePrefix;
  const [form] = random.weighted(ORGANISATION_FORMS, ([, weight]) => weight);
  return prefix + tradeName(random) + random.pick(profile.namePhrases) + form;
}

function subjectIdentifier(random: SeededRandom, isPostReform: boolean): string {
  const digits = '0123456789';
  let body = '';
  if (isPostReform && random.chance(0.8)) {
    body = 'MA';
    for (let i = 0; i < 6; i += 1) body += random.pick(USCC_ALPHABET.split(''));
  } else {
    for (let i = 0; i < 8; i += 1) body += random.pick(digits.split(''));
  }
  return body + organizationCodeCheckChar(body);
}

function enterpriseUscc(random: SeededRandom, regionCode: string, isPostReform: boolean): string {
  const first17 = `91${regionCode}${subjectIdentifier(random, isPostReform)}`;
  return first17 + usccCheckChar(first17);
}

/** Log-uniform capital in the profile's range, rounded like real registrations (fen). */
function registeredCapitalFen(random: SeededRandom, profile: IndustryProfile): number {
  const [minWan, maxWan] = profile.capitalWanRange;
  const wan = Math.exp(Math.log(minWan) + random.next() * (Math.log(maxWan) - Math.log(minWan)));
  let hundredthsOfWan: number;
  if (random.chance(0.05)) hundredthsOfWan = Math.round(wan * 100);
  else if (wan < 100) hundredthsOfWan = Math.round(wan) * 100;
  else hundredthsOfWan = Math.round(wan / 10) * 1000;
  return Math.max(hundredthsOfWan, 100) * FEN_PER_HUNDREDTH_WAN;
}

function generateOne(
  random: SeededRandom,
  asOfDay: number,
): Omit<CommerceEnterprise, 'uscc' | 'enterpriseName'> & {
  readonly drawName: () => string;
  readonly drawUscc: () => string;
} {
  const profile = random.weighted(INDUSTRY_PROFILES, (p) => p.weight);
  const industryCode = random.pick(profile.industryCodes);
  const county = random.weighted(
    COUNTY_CHOICES.get(profile.profileId) ?? [],
    (choice) => choice.weight,
  );
  const firstDay = isoDateToEpochDay(FIRST_REGISTRATION_DATE);
  // Skewed towards recent years, as registrations are.
  const establishedDay =
    firstDay + Math.floor((1 - (1 - random.next()) ** 1.8) * (asOfDay - 30 - firstDay));
  const isPostReform = establishedDay >= isoDateToEpochDay(USCC_REFORM_DATE);
  const ageDays = asOfDay - establishedDay;
  const [status] =
    ageDays < 365
      ? random.weighted(STATUS_WEIGHTS.slice(0, 2), ([, weight]) => weight)
      : random.weighted(STATUS_WEIGHTS, ([, weight]) => weight);
  // Last update: within the three years before asOf, never before establishment (Beijing days).
  const updateFromDay = Math.max(establishedDay, asOfDay - 3 * 365);
  const updateDay = random.int(updateFromDay, asOfDay);
  const updatedAtSeconds =
    updateDay * 86_400 + random.int(8 * 3600, 20 * 3600) - BEIJING_OFFSET_SECONDS;
  return {
    legalRepresentative: syntheticPersonName(random),
    regionCode: county.countyCode,
    industryCode,
    industryProfileId: profile.profileId,
    registeredCapitalFen: registeredCapitalFen(random, profile),
    establishedDate: epochDayToIsoDate(establishedDay),
    registrationStatus: status,
    updatedAt: epochSecondsToIsoUtc(updatedAtSeconds),
    drawName: () => enterpriseName(random, profile, county),
    drawUscc: () => enterpriseUscc(random, county.countyCode, isPostReform),
  };
}

/** Streams `count` enterprises for `seed`; same inputs → identical records in identical order. */
export function* iterateCommerceEnterprises(
  seed: number,
  count: number,
  options: GenerateOptions = {},
): Generator<CommerceEnterprise> {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const asOfDay = isoDateToEpochDay(options.asOf ?? DEFAULT_AS_OF);
  const names = new Set<string>();
  const usccs = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const random = createSeededRandom(deriveSeed(seed, index));
    const { drawName, drawUscc, ...fields } = generateOne(random, asOfDay);
    let name = drawName();
    while (names.has(name)) name = drawName();
    let uscc = drawUscc();
    while (usccs.has(uscc)) uscc = drawUscc();
    names.add(name);
    usccs.add(uscc);
    yield { uscc, enterpriseName: name, ...fields };
  }
}

/** All `count` enterprises for `seed` as an array (small worlds, tests and reconciliation). */
export function generateCommerceEnterprises(
  seed: number,
  count: number = DEFAULT_ENTERPRISE_COUNT,
  options: GenerateOptions = {},
): CommerceEnterprise[] {
  return [...iterateCommerceEnterprises(seed, count, options)];
}
