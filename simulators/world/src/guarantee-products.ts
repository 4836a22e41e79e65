/**
 * The guarantee company's products (业务品种) and the rules that follow from them: product type and
 * risk-weight class (docs/domain.md §2.2), 涉农 / 支小支农 / policy flags, the repayment types a
 * product's loans use, which purposes fit which applicant, and the annual fee caps (§4.1, §4.4).
 * The caps are [M]-level policy: they sit in one table (DEFAULT_FEE_CAPS) that a caller may replace.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Subject } from './subjects.ts';

export type ProductType = '借款类' | '住房置业' | '债券发行' | '非融资';

/** Risk-weight class of the 融资担保责任余额计量办法 (domain.md §2.2). */
export type RiskWeightClass =
  | 'loan_small_micro'
  | 'loan_farmer'
  | 'loan_housing'
  | 'loan_other'
  | 'bond_aa'
  | 'bond_other'
  | 'other_financing'
  | 'non_financing';

export type RepaymentType =
  'interest_monthly_bullet' | 'interest_quarterly_bullet' | 'equal_principal' | 'equal_instalment';

export const REPAYMENT_TYPE_LABELS: Readonly<Record<RepaymentType, string>> = {
  interest_monthly_bullet: '按月付息到期还本',
  interest_quarterly_bullet: '按季付息到期还本',
  equal_principal: '等额本金',
  equal_instalment: '等额本息',
};

export interface GuaranteeProduct {
  readonly code: string;
  readonly name: string;
  readonly productType: ProductType;
  readonly riskWeightClass: RiskWeightClass;
  readonly agricultural: boolean;
  readonly smallMicroAgri: boolean;
  readonly policy: boolean;
  /** Repayment types of this product's loans with their weights; empty when nothing is lent. */
  readonly repayment: readonly (readonly [RepaymentType, number])[];
}

const USUAL_REPAYMENT: readonly (readonly [RepaymentType, number])[] = [
  ['interest_monthly_bullet', 50],
  ['interest_quarterly_bullet', 30],
  ['equal_principal', 10],
  ['equal_instalment', 10],
];

/** The catalogue; the first four are what the book lends, the rest exist in the catalogue only. */
export const PRODUCTS: readonly GuaranteeProduct[] = [
  {
    code: 'P01',
    name: '小微企业流动资金贷款担保',
    productType: '借款类',
    riskWeightClass: 'loan_small_micro',
    agricultural: false,
    smallMicroAgri: true,
    policy: true,
    repayment: USUAL_REPAYMENT,
  },
  {
    code: 'P02',
    name: '惠农贷担保',
    productType: '借款类',
    riskWeightClass: 'loan_farmer',
    agricultural: true,
    smallMicroAgri: true,
    policy: true,
    repayment: [
      ['interest_quarterly_bullet', 60],
      ['interest_monthly_bullet', 25],
      ['equal_instalment', 15],
    ],
  },
  {
    code: 'P03',
    name: '个体工商户经营贷款担保',
    productType: '借款类',
    riskWeightClass: 'loan_small_micro',
    agricultural: false,
    smallMicroAgri: true,
    policy: true,
    repayment: [
      ['interest_monthly_bullet', 45],
      ['equal_instalment', 30],
      ['equal_principal', 25],
    ],
  },
  {
    code: 'P04',
    name: '企业贷款担保（一般）',
    productType: '借款类',
    riskWeightClass: 'loan_other',
    agricultural: false,
    smallMicroAgri: false,
    policy: false,
    repayment: USUAL_REPAYMENT,
  },
  {
    code: 'P05',
    name: '住房置业担保',
    productType: '住房置业',
    riskWeightClass: 'loan_housing',
    agricultural: false,
    smallMicroAgri: false,
    policy: false,
    repayment: [['equal_instalment', 1]],
  },
  {
    code: 'P06',
    name: '企业债券发行担保',
    productType: '债券发行',
    riskWeightClass: 'bond_other',
    agricultural: false,
    smallMicroAgri: false,
    policy: false,
    repayment: [],
  },
  {
    code: 'P07',
    name: '诉讼保全担保',
    productType: '非融资',
    riskWeightClass: 'non_financing',
    agricultural: false,
    smallMicroAgri: false,
    policy: false,
    repayment: [],
  },
];

function product(code: string): GuaranteeProduct {
  const found = PRODUCTS.find((p) => p.code === code);
  if (found === undefined) throw new Error(`unknown product ${code}`);
  return found;
}

/** GB/T 4754 section A (农、林、牧、渔业) is divisions 01–05. */
export function isAgriculturalApplicant(subject: Subject): boolean {
  return (
    subject.kind === 'farmer' ||
    subject.kind === 'farmer_cooperative' ||
    subject.industryCode.slice(0, 2) <= '05'
  );
}

const SINGLE_CUSTOMER_SMALL_FEN = 5_000_000_00;

/** The product an applicant's approved guarantee falls under. */
export function productFor(subject: Subject, amountFen: number): GuaranteeProduct {
  if (isAgriculturalApplicant(subject)) return product('P02');
  if (subject.kind === 'individual_business') return product('P03');
  return amountFen <= SINGLE_CUSTOMER_SMALL_FEN ? product('P01') : product('P04');
}

export function repaymentTypeFor(item: GuaranteeProduct, random: SeededRandom): RepaymentType {
  if (item.repayment.length === 0) throw new Error(`product ${item.code} lends nothing`);
  return random.weighted(item.repayment, ([, w]) => w)[0];
}

export const AGRI_PURPOSES = ['春耕备耕', '扩大养殖规模', '购买农资', '流动资金周转'] as const;
export const BUSINESS_PURPOSES = ['流动资金周转', '采购原材料', '购置设备', '厂房改造'] as const;

/** Purposes that fit the applicant (春耕备耕 and 养殖 only for farm / agricultural applicants). */
export function purposesFor(subject: Subject): readonly string[] {
  return isAgriculturalApplicant(subject) ? AGRI_PURPOSES : BUSINESS_PURPOSES;
}

/** Channels of a new request; a renewal always comes as 老客户续贷. */
export const FIRST_CHANNELS = ['线下网点', '银行推荐', '政府推荐', '小程序'] as const;
export const RENEWAL_CHANNEL = '老客户续贷';

/** One row of the fee-cap table: annual fee cap for guarantees of at most `maxAmountFen`. */
export interface FeeCap {
  readonly label: string;
  /** Which products the row applies to. */
  readonly applies: 'agricultural' | 'policy';
  readonly maxAmountFen: number;
  readonly capBp: number;
}

/**
 * Annual fee caps [M]: 国办发〔2019〕6号 (≤ 1% up to 500万, ≤ 1.5% above) for policy products of a
 * government-backed guarantor; 农担 ≤ 0.8% for agricultural products. The first row that
 * applies wins, so agricultural rows come first.
 */
export const DEFAULT_FEE_CAPS: readonly FeeCap[] = [
  {
    label: '农担政策性业务 ≤0.8%',
    applies: 'agricultural',
    maxAmountFen: Infinity,
    capBp: 80,
  },
  {
    label: '政府性融资担保 单户≤500万 ≤1%',
    applies: 'policy',
    maxAmountFen: 5_000_000_00,
    capBp: 100,
  },
  {
    label: '政府性融资担保 单户>500万 ≤1.5%',
    applies: 'policy',
    maxAmountFen: Infinity,
    capBp: 150,
  },
];

/** The cap row binding a guarantee, or null when none applies (commercial products). */
export function feeCapFor(
  item: GuaranteeProduct,
  amountFen: number,
  caps: readonly FeeCap[] = DEFAULT_FEE_CAPS,
): FeeCap | null {
  return (
    caps.find(
      (cap) =>
        (cap.applies === 'agricultural' ? item.agricultural : item.policy) &&
        amountFen <= cap.maxAmountFen,
    ) ?? null
  );
}
