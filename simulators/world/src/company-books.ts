/**
 * The guarantee company's own books: per month-end of the world's history, the balance sheet, the
 * income statement and the supplementary sheet, derived from the guarantee book (CompanyBookFlows:
 * fees, in-force balance, compensations) and seeded randomness (STREAM.finance) for what the book
 * does not decide (capital, investments, expenses). The books reconcile by construction: 银行存款
 * balances assets against liabilities + equity, and each month's net profit flows into 未分配利润.
 * Reserve rules (domain.md §3.5) and the capital's scale are a policy, never fixed in the code.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { CompanyBookFlows, MonthFlows } from './company-books-flows.ts';
import {
  BALANCE_SHEET_LINES,
  GUARANTOR_INVESTEES,
  INCOME_STATEMENT_LINES,
  SUPPLEMENTARY_LINES,
} from './company-books-items.ts';
import type {
  BalanceSheetKey,
  IncomeStatementKey,
  SupplementaryKey,
} from './company-books-items.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { WorldFiles } from './world-files.ts';

export interface CompanyBooksPolicy {
  /** 未到期责任准备金 = this share of the year's guarantee-fee income (§3.5: 50%). */
  readonly unearnedReserveShareOfFees: number;
  /** 担保赔偿准备金: provided each year-end at this rate of the year-end liability (§3.5: 1%)… */
  readonly compensationReserveRate: number;
  /** …until the reserve reaches this share of it, then only the difference (§3.5: 10%). */
  readonly compensationReserveCap: number;
  /** 一般风险准备: share of the year's net profit set aside at year-end [M]. */
  readonly generalRiskReserveShareOfProfit: number;
  /** 盈余公积: share of the year's net profit (公司法 法定盈余公积 10%). */
  readonly surplusReserveShareOfProfit: number;
  readonly incomeTaxRate: number;
  /** 放大倍数 (in-force balance / 净资产) the capital is scaled to at the book's peak: [min, max]. */
  readonly leverageAtPeak: readonly [number, number];
  /** 条例 第七条: at least ¥2000万 paid in. */
  readonly minimumPaidInCapitalFen: number;
  /** 存出保证金 at partner banks as a share of the in-force balance. */
  readonly marginDepositShareOfInForce: number;
  /** 存入保证金 from customers as a share of the in-force balance (t_fee 保证金 averages ≈1.9%). */
  readonly customerDepositShareOfInForce: number;
  /** Share of paid-in capital held by the state (a government-backed city guarantor). */
  readonly stateCapitalShare: number;
}

export const DEFAULT_COMPANY_BOOKS_POLICY: CompanyBooksPolicy = {
  unearnedReserveShareOfFees: 0.5,
  compensationReserveRate: 0.01,
  compensationReserveCap: 0.1,
  generalRiskReserveShareOfProfit: 0.1,
  surplusReserveShareOfProfit: 0.1,
  incomeTaxRate: 0.25,
  leverageAtPeak: [3, 4.5],
  minimumPaidInCapitalFen: 2_000_000_000,
  marginDepositShareOfInForce: 0.05,
  customerDepositShareOfInForce: 0.019,
  stateCapitalShare: 0.8,
};

type Balances = Record<Exclude<BalanceSheetKey, TotalKey>, number>;
type TotalKey = 'totalAssets' | 'totalLiabilities' | 'totalEquity' | 'totalLiabilitiesAndEquity';
type Income = Record<Exclude<IncomeStatementKey, 'profitBeforeTax' | 'netProfit'>, number>;

export interface MonthBooks {
  readonly period: string;
  /** Closing balances, totals included. */
  readonly balances: Readonly<Record<BalanceSheetKey, number>>;
  /** Closing balances at the start of the year (the previous December, or the opening books). */
  readonly yearOpening: Readonly<Record<BalanceSheetKey, number>>;
  readonly month: Readonly<Record<IncomeStatementKey, number>>;
  readonly yearToDate: Readonly<Record<IncomeStatementKey, number>>;
  readonly supplementary: Readonly<Record<SupplementaryKey, number>>;
  /** Stakes per investee (GUARANTOR_INVESTEES code → fen); they sum to guarantorStakes. */
  readonly stakes: Readonly<Record<string, number>>;
}

const WAN = 1_000_000; // fen in ¥1万

function withTotals(b: Balances): Record<BalanceSheetKey, number> {
  const totalAssets =
    b.cash +
    b.bankDeposits +
    b.marginDeposits +
    b.treasuryBonds +
    b.shortWealthProducts +
    b.aaaBonds +
    b.aaBonds +
    b.trustPlans +
    b.guarantorStakes +
    b.compensationReceivable +
    b.otherReceivables +
    b.selfUsedProperty;
  const totalLiabilities =
    b.payroll +
    b.taxesPayable +
    b.otherPayables +
    b.customerDeposits +
    b.unearnedReserve +
    b.compensationReserve;
  const totalEquity =
    b.paidInCapital +
    b.capitalReserve +
    b.surplusReserve +
    b.generalRiskReserve +
    b.retainedEarnings;
  return {
    ...b,
    totalAssets,
    totalLiabilities,
    totalEquity,
    totalLiabilitiesAndEquity: totalLiabilities + totalEquity,
  };
}

/** Paid-in capital: the peak in-force balance over a drawn leverage, 85% of it as capital, whole ¥1000万. */
export function paidInCapitalFen(
  flows: readonly MonthFlows[],
  policy: CompanyBooksPolicy,
  random: SeededRandom,
): number {
  const peak = flows.reduce((max, m) => Math.max(max, m.inForceFen), 0);
  const [low, high] = policy.leverageAtPeak;
  const leverage = low + random.next() * (high - low);
  const capital = Math.round(((peak / leverage) * 0.85) / (1000 * WAN)) * 1000 * WAN;
  return Math.max(policy.minimumPaidInCapitalFen, capital);
}

function openingBooks(capital: number, peakInForce: number, policy: CompanyBooksPolicy): Balances {
  const share = (fraction: number): number => Math.round((capital * fraction) / WAN) * WAN;
  return {
    cash: 5 * WAN,
    bankDeposits: 0,
    marginDeposits: 0,
    treasuryBonds: share(0.12),
    shortWealthProducts: share(0.08),
    aaaBonds: share(0.05),
    aaBonds: share(0.04),
    trustPlans: share(0.01),
    guarantorStakes: share(0.05),
    compensationReceivable: 0,
    otherReceivables: share(0.01),
    selfUsedProperty: share(0.12),
    payroll: share(0.002),
    taxesPayable: 0,
    otherPayables: share(0.005),
    customerDeposits: 0,
    unearnedReserve: 0,
    compensationReserve: Math.round(peakInForce * policy.compensationReserveRate * 1.2),
    paidInCapital: capital,
    capitalReserve: share(0.03),
    surplusReserve: share(0.04),
    generalRiskReserve: share(0.02),
    retainedEarnings: share(0.06),
  };
}

/** Rebalances the investment lines as shares of the funds (liabilities + equity). */
function rebalance(books: Balances, funds: number, random: SeededRandom): void {
  const part = (low: number, high: number): number =>
    Math.round((funds * (low + random.next() * (high - low))) / (100 * WAN)) * 100 * WAN;
  books.treasuryBonds = part(0.1, 0.18);
  books.shortWealthProducts = part(0.05, 0.1);
  books.aaaBonds = part(0.03, 0.06);
  books.aaBonds = part(0.02, 0.05);
  books.trustPlans = part(0, 0.02);
}

interface YearState {
  previousYearFees: number;
  ytdFees: number;
  ytdNewGuarantees: number;
  ytdCompensation: number;
  lastYearEndInForce: number;
  yearOpening: Record<BalanceSheetKey, number>;
  ytd: Record<IncomeStatementKey, number>;
}

function zeroIncome(): Record<IncomeStatementKey, number> {
  return {
    guaranteeFeeIncome: 0,
    interestIncome: 0,
    investmentIncome: 0,
    unearnedReserveProvision: 0,
    compensationReserveProvision: 0,
    taxesAndSurcharges: 0,
    operatingExpenses: 0,
    profitBeforeTax: 0,
    incomeTax: 0,
    netProfit: 0,
  };
}

function monthIncome(
  books: Balances,
  previous: Balances,
  flows: MonthFlows,
  monthOfYear: number,
  random: SeededRandom,
): Income {
  const yieldOf = (amount: number, annual: number): number => (amount * annual) / 12;
  const dividends = monthOfYear === 6 ? books.guarantorStakes * 0.04 : 0;
  const bonus = monthOfYear === 12 ? books.paidInCapital * 0.01 : 0;
  return {
    guaranteeFeeIncome: flows.feeIncomeFen,
    interestIncome: Math.round(yieldOf(previous.bankDeposits + previous.marginDeposits, 0.015)),
    investmentIncome: Math.round(
      yieldOf(previous.treasuryBonds, 0.024) +
        yieldOf(previous.shortWealthProducts, 0.026) +
        yieldOf(previous.aaaBonds, 0.03) +
        yieldOf(previous.aaBonds, 0.038) +
        yieldOf(previous.trustPlans, 0.055) +
        dividends,
    ),
    unearnedReserveProvision: books.unearnedReserve - previous.unearnedReserve,
    compensationReserveProvision: books.compensationReserve - previous.compensationReserve,
    taxesAndSurcharges: Math.round(flows.feeIncomeFen * 0.06 * 0.12),
    operatingExpenses: Math.round(
      yieldOf(books.paidInCapital, 0.028) * (0.85 + 0.3 * random.next()) + bonus,
    ),
    incomeTax: 0,
  };
}

function profitOf(income: Income, taxRate: number): Record<IncomeStatementKey, number> {
  const profitBeforeTax =
    income.guaranteeFeeIncome +
    income.interestIncome +
    income.investmentIncome -
    income.unearnedReserveProvision -
    income.compensationReserveProvision -
    income.taxesAndSurcharges -
    income.operatingExpenses;
  const incomeTax = profitBeforeTax > 0 ? Math.round(profitBeforeTax * taxRate) : 0;
  return { ...income, profitBeforeTax, incomeTax, netProfit: profitBeforeTax - incomeTax };
}

/** The year's reserve movements and the receivable's, applied to this month's books. */
function applyReserves(
  books: Balances,
  flows: MonthFlows,
  monthOfYear: number,
  year: YearState,
  policy: CompanyBooksPolicy,
): void {
  const share = policy.unearnedReserveShareOfFees;
  books.unearnedReserve = Math.round(
    share * year.ytdFees + (monthOfYear < 12 ? share * year.previousYearFees : 0),
  );
  if (monthOfYear === 12) {
    const liability = flows.inForceFen;
    const ceiling = Math.round(liability * policy.compensationReserveCap);
    if (books.compensationReserve < ceiling) {
      const provision = Math.round(liability * policy.compensationReserveRate);
      books.compensationReserve += Math.min(provision, ceiling - books.compensationReserve);
    }
  }
}

interface RecoveryQueue {
  /** Bank shares due back, by month index. */
  readonly bankShares: number[];
  cumulativeCompensation: number;
  cumulativeRecovery: number;
}

function applyCompensations(
  books: Balances,
  flows: MonthFlows,
  index: number,
  queue: RecoveryQueue,
  random: SeededRandom,
): number {
  books.compensationReceivable += flows.compensationFen;
  queue.cumulativeCompensation += flows.compensationFen;
  queue.bankShares[index + 2] =
    (queue.bankShares[index + 2] ?? 0) + flows.bankShareOfCompensationFen;
  const bankShare = queue.bankShares[index] ?? 0;
  const pendingBank = queue.bankShares.slice(index + 1).reduce((a, b) => a + b, 0);
  const ownShare = Math.max(0, books.compensationReceivable - bankShare - pendingBank);
  const recovered = bankShare + Math.round(ownShare * (0.02 + 0.04 * random.next()));
  books.compensationReceivable -= recovered;
  queue.cumulativeRecovery += recovered;
  return recovered;
}

interface MonthContext {
  readonly flow: MonthFlows;
  readonly monthOfYear: number;
  readonly index: number;
  readonly year: YearState;
  readonly queue: RecoveryQueue;
  readonly policy: CompanyBooksPolicy;
  readonly random: SeededRandom;
}

/** This month's balances before the profit: flows, reserves, investments, working items. */
function monthBalances(previous: Balances, context: MonthContext): Balances {
  const { flow, monthOfYear, index, year, policy, random } = context;
  const books = { ...previous };
  year.ytdFees += flow.feeIncomeFen;
  year.ytdNewGuarantees += flow.newGuaranteeFen;
  year.ytdCompensation += flow.compensationFen;
  applyCompensations(books, flow, index, context.queue, random);
  applyReserves(books, flow, monthOfYear, year, policy);
  if (index === 0 || monthOfYear % 3 === 1) {
    rebalance(books, withTotals(previous).totalLiabilitiesAndEquity, random);
  }
  const capital = books.paidInCapital;
  books.selfUsedProperty = previous.selfUsedProperty - Math.round((capital * 0.12) / 360);
  books.marginDeposits = Math.round(flow.inForceFen * policy.marginDepositShareOfInForce);
  books.customerDeposits = Math.round(flow.inForceFen * policy.customerDepositShareOfInForce);
  books.otherReceivables = Math.round(capital * (0.005 + 0.01 * random.next()));
  books.otherPayables = Math.round(capital * (0.003 + 0.007 * random.next()));
  books.cash = Math.round((2 + 6 * random.next()) * WAN);
  return books;
}

/** Books the month's profit: payables, retained earnings, year-end appropriations, 银行存款. */
function closeMonth(
  books: Balances,
  income: Record<IncomeStatementKey, number>,
  context: MonthContext,
): void {
  const { monthOfYear, year, policy } = context;
  books.payroll = Math.round(income.operatingExpenses * 0.5);
  books.taxesPayable = income.incomeTax + income.taxesAndSurcharges;
  books.retainedEarnings += income.netProfit;
  if (monthOfYear === 12) {
    const yearProfit = Math.max(0, year.ytd.netProfit + income.netProfit);
    const surplus = Math.round(yearProfit * policy.surplusReserveShareOfProfit);
    const risk = Math.round(yearProfit * policy.generalRiskReserveShareOfProfit);
    books.surplusReserve += surplus;
    books.generalRiskReserve += risk;
    books.retainedEarnings -= surplus + risk;
  }
  books.bankDeposits = 0;
  const totals = withTotals(books);
  books.bankDeposits = totals.totalLiabilitiesAndEquity - totals.totalAssets;
}

function supplementaryOf(books: Balances, context: MonthContext): Record<SupplementaryKey, number> {
  const { flow, year, queue, policy } = context;
  const state = Math.round((books.paidInCapital * policy.stateCapitalShare) / WAN) * WAN;
  return {
    inForceBalance: flow.inForceFen,
    inForceCount: flow.inForceCount,
    newGuaranteeYtd: year.ytdNewGuarantees,
    feeIncomeYtd: year.ytdFees,
    compensationYtd: year.ytdCompensation,
    compensationCumulative: queue.cumulativeCompensation,
    recoveryCumulative: queue.cumulativeRecovery,
    unearnedReserveBasis: year.previousYearFees,
    compensationReserveBasis: year.lastYearEndInForce,
    paidInCapitalState: state,
    paidInCapitalPrivate: books.paidInCapital - state,
  };
}

/** The opening books (the month before the history) and the year state that goes with them. */
function openingState(
  months: readonly MonthFlows[],
  capital: number,
  policy: CompanyBooksPolicy,
): { books: Balances; year: YearState } {
  const peak = months.reduce((max, m) => Math.max(max, m.inForceFen), 0);
  const books = openingBooks(capital, peak, policy);
  const firstYearFees = months.slice(0, 12).reduce((sum, m) => sum + m.feeIncomeFen, 0);
  const previousYearFees = Math.round(
    (firstYearFees * 12) / Math.max(1, Math.min(12, months.length)),
  );
  books.unearnedReserve = Math.round(policy.unearnedReserveShareOfFees * previousYearFees);
  const totals = withTotals(books);
  books.bankDeposits = totals.totalLiabilitiesAndEquity - totals.totalAssets;
  return {
    books,
    year: {
      previousYearFees,
      ytdFees: 0,
      ytdNewGuarantees: 0,
      ytdCompensation: 0,
      lastYearEndInForce: months[0]?.inForceFen ?? 0,
      yearOpening: withTotals(books),
      ytd: zeroIncome(),
    },
  };
}

/** The books of every month-end, in period order. */
export function deriveCompanyBooks(
  flows: CompanyBookFlows,
  seed: number,
  policy: CompanyBooksPolicy = DEFAULT_COMPANY_BOOKS_POLICY,
): MonthBooks[] {
  const months = flows.months;
  const random = streamFor(seed, STREAM.finance, 0);
  const capital = paidInCapitalFen(months, policy, random);
  const opening = openingState(months, capital, policy);
  let previous = opening.books;
  const year = opening.year;
  const [firstInvestee, secondInvestee] = GUARANTOR_INVESTEES;
  let stakes: Record<string, number> = { [firstInvestee.code]: previous.guarantorStakes };
  const secondStakeMonth = random.int(
    Math.floor(months.length / 3),
    Math.max(0, months.length - 1),
  );
  const queue: RecoveryQueue = { bankShares: [], cumulativeCompensation: 0, cumulativeRecovery: 0 };
  const result: MonthBooks[] = [];
  months.forEach((flow, index) => {
    const monthOfYear = Number(flow.period.slice(5, 7));
    if (monthOfYear === 1 && index > 0) {
      Object.assign(year, { ytdFees: 0, ytdNewGuarantees: 0, ytdCompensation: 0 });
      year.ytd = zeroIncome();
    }
    const context: MonthContext = { flow, monthOfYear, index, year, queue, policy, random };
    const books = monthBalances(previous, context);
    if (index === secondStakeMonth) {
      stakes = { ...stakes, [secondInvestee.code]: Math.round((capital * 0.03) / WAN) * WAN };
    }
    books.guarantorStakes = Object.values(stakes).reduce((a, b) => a + b, 0);
    const income = profitOf(
      monthIncome(books, previous, flow, monthOfYear, random),
      policy.incomeTaxRate,
    );
    closeMonth(books, income, context);
    for (const key of Object.keys(income) as IncomeStatementKey[]) year.ytd[key] += income[key];
    const balances = withTotals(books);
    result.push({
      period: flow.period,
      balances,
      yearOpening: year.yearOpening,
      month: income,
      yearToDate: { ...year.ytd },
      supplementary: supplementaryOf(books, context),
      stakes,
    });
    if (monthOfYear === 12) {
      year.previousYearFees = year.ytdFees;
      year.lastYearEndInForce = flow.inForceFen;
      year.yearOpening = balances;
    }
    previous = books;
  });
  return result;
}

/** Writes the books to `sources/finance/*.ndjson` (WORLD_SYSTEM.md, sources/finance). */
export function writeCompanyBooks(files: WorldFiles, books: readonly MonthBooks[]): void {
  for (const month of books) {
    for (const [key, line] of Object.entries(BALANCE_SHEET_LINES)) {
      const item = key as BalanceSheetKey;
      files.write('sources/finance/balance_sheet_items.ndjson', {
        period: month.period,
        item_code: line.code,
        item_name: line.name,
        section: line.section,
        asset_class: line.assetClass,
        is_total: line.isTotal,
        closing_fen: month.balances[item],
        year_opening_fen: month.yearOpening[item],
      });
    }
    for (const [key, line] of Object.entries(INCOME_STATEMENT_LINES)) {
      const item = key as IncomeStatementKey;
      files.write('sources/finance/income_statement_items.ndjson', {
        period: month.period,
        item_code: line.code,
        item_name: line.name,
        is_total: line.isTotal,
        month_fen: month.month[item],
        year_to_date_fen: month.yearToDate[item],
      });
    }
    for (const [key, line] of Object.entries(SUPPLEMENTARY_LINES)) {
      const value = month.supplementary[key as SupplementaryKey];
      const isCount = key === 'inForceCount';
      files.write('sources/finance/supplementary_items.ndjson', {
        period: month.period,
        item_code: line.code,
        item_name: line.name,
        unit: isCount ? '笔' : '元',
        amount_fen: isCount ? null : value,
        count: isCount ? value : null,
      });
    }
    for (const investee of GUARANTOR_INVESTEES) {
      const amount = month.stakes[investee.code];
      if (amount === undefined) continue;
      files.write('sources/finance/supplementary_items.ndjson', {
        period: month.period,
        item_code: investee.code,
        item_name: `对其他融资担保公司和再担保公司的股权投资—${investee.name}`,
        unit: '元',
        amount_fen: amount,
        count: null,
      });
    }
  }
}
