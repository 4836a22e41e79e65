/**
 * sources/bank/: the banks' view: accounts, transactions with counterparties (sales receipts,
 * purchases, wages, taxes, loan disbursements and repayments, with a running balance), loans with
 * their schedules and repayments. Guaranteed loans carry the guarantee contract number and the
 * same instalment outcomes as the legacy business system.
 */
import { BANKS, accountNoOf, homeBankOf } from './banks.ts';
import type { Bank } from './banks.ts';
import { contractHistory } from './contract-history.ts';
import type { ContractHistory } from './contract-history.ts';
import type { Contract } from './guarantee-book.ts';
import { monthlySalesFen } from './monthly-activity.ts';
import { withWrongCheckChar } from './perturbations.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { tradingMonths } from './trading-months.ts';
import { addMonths, beijingTimestamp, epochDayToIsoDate } from './world-calendar.ts';
import { logPerturbation, nextNumber } from './world-context.ts';
import type { SubjectView, WorldContext } from './world-context.ts';

export function writeBanks(context: WorldContext): void {
  for (const bank of BANKS) {
    context.files.write('sources/bank/banks.ndjson', {
      bank_code: bank.bankCode,
      bank_name: bank.bankName,
      statement_layout: bank.statementLayout,
    });
  }
}

export function bankLoanNo(contract: Contract): string {
  return `${contract.bank.bankCode}${contract.contractNo.replace(/\D/g, '')}`;
}

interface Txn {
  readonly day: number;
  readonly second: number;
  readonly credit: boolean;
  amount: number;
  readonly counterpartyAccount: string | null;
  readonly counterpartyName: string;
  readonly summary: string;
}

interface Account {
  readonly accountNo: string;
  readonly bank: Bank;
  readonly openedDay: number;
  readonly type: '基本户' | '一般户' | '个人结算户';
  readonly txns: Txn[];
}

/** A loan not guaranteed by the company (bank's own credit), for the non-customer world. */
interface PlainLoan {
  readonly loanNo: string;
  readonly contract: Contract;
  readonly history: ContractHistory;
}

export function writeBank(context: WorldContext, view: SubjectView): void {
  const { subject, customer, histories, perturbations } = view;
  const random = streamFor(context.seed, STREAM.bank, subject.index);
  const home = homeBankOf(subject.index);
  const main: Account = {
    accountNo: accountNoOf(subject.index, 1, home),
    bank: home,
    openedDay: subject.establishedDay + random.int(5, 30),
    type: subject.uscc === null ? '个人结算户' : '基本户',
    txns: [],
  };
  const accounts: Account[] = [main];
  const accountAt = (bank: Bank, openedDay: number): Account => {
    const found = accounts.find((a) => a.bank.bankCode === bank.bankCode);
    if (found !== undefined) return found;
    const account: Account = {
      accountNo: accountNoOf(subject.index, 2 + BANKS.indexOf(bank), bank),
      bank,
      openedDay,
      type: subject.uscc === null ? '个人结算户' : '一般户',
      txns: [],
    };
    accounts.push(account);
    return account;
  };

  const loans: {
    loanNo: string;
    contract: Contract;
    history: ContractHistory;
    guaranteed: boolean;
  }[] = [];
  for (const [contract, history] of histories) {
    loans.push({ loanNo: bankLoanNo(contract), contract, history, guaranteed: true });
  }
  if (
    customer === null &&
    subject.uscc !== null &&
    view.registration.closedDay === null &&
    random.chance(0.15)
  ) {
    const plain = plainLoan(
      context,
      subject,
      home,
      random.int(context.historyStartDay, context.asOfDay - 60),
    );
    loans.push({ ...plain, guaranteed: false });
  }
  for (const loan of loans) {
    const account = accountAt(loan.contract.bank, loan.contract.startDay - random.int(3, 20));
    account.txns.push({
      day: loan.contract.startDay,
      second: 10 * 3600,
      credit: true,
      amount: loan.contract.amountFen,
      counterpartyAccount: null,
      counterpartyName: loan.contract.bank.bankName,
      summary: '贷款发放',
    });
    for (const period of loan.history.periods) {
      if (period.paidDay === null) continue;
      account.txns.push({
        day: period.paidDay,
        second: 16 * 3600,
        credit: false,
        amount: period.principalDueFen + period.interestDueFen,
        counterpartyAccount: null,
        counterpartyName: loan.contract.bank.bankName,
        summary: '贷款还本付息',
      });
    }
  }

  // Everyday business through the main account, following the month's sales.
  for (const { month, lastDay, salesFen: sales } of tradingMonths(context, view, main.openedDay)) {
    const count = random.int(1, 2 * context.scale.transactionsPerMonth);
    for (let i = 0; i < count; i += 1) {
      const credit = random.chance(0.55);
      const other = context.subjects[random.int(0, context.subjects.length - 1)];
      const kindRoll = random.next();
      let counterpartyAccount: string | null = null;
      let counterpartyName: string;
      let summary: string;
      if (credit || kindRoll < 0.6) {
        counterpartyAccount =
          other === undefined ? null : accountNoOf(other.index, 1, homeBankOf(other.index));
        counterpartyName = other?.name ?? '个人';
        summary = credit
          ? random.pick(['货款', '销售回款', '往来款'])
          : random.pick(['采购付款', '货款', '运费']);
      } else if (kindRoll < 0.85) {
        counterpartyName = '代发工资';
        summary = '工资';
      } else {
        counterpartyName = '国家金库宁夏回族自治区分库';
        summary = '税费';
      }
      const share = (credit ? 1.9 : 1.6) / count;
      main.txns.push({
        day: random.int(month, lastDay),
        second: random.int(8 * 3600, 18 * 3600),
        credit,
        amount: Math.max(100, Math.round((sales * share * (0.5 + random.next())) / 100) * 100),
        counterpartyAccount,
        counterpartyName,
        summary,
      });
    }
  }

  for (const account of accounts) {
    let holderUscc = subject.uscc;
    if (holderUscc !== null && perturbations.bankInvalidUscc && account === main) {
      holderUscc = withWrongCheckChar(holderUscc);
      logPerturbation(context, 'bank', 'accounts', account.accountNo, 'invalid_code');
    }
    context.files.write('sources/bank/accounts.ndjson', {
      account_no: account.accountNo,
      bank_code: account.bank.bankCode,
      holder_kind: subject.uscc === null ? 'person' : 'organisation',
      holder_uscc: holderUscc,
      holder_id_number: subject.uscc === null ? subject.legalRep.idNumber : null,
      holder_name: subject.name,
      opened_date: epochDayToIsoDate(account.openedDay),
      account_type: account.type,
    });
    writeTransactions(context, account, Math.round((sales0(context, view) * 0.5) / 100) * 100);
  }

  for (const loan of loans) writeLoan(context, subject, loan);
}

function sales0(context: WorldContext, view: SubjectView): number {
  return monthlySalesFen(
    view.subject,
    context.seed,
    context.historyStartDay,
    context.historyStartDay,
    context.asOfDay,
    undefined,
  );
}

function writeTransactions(context: WorldContext, account: Account, openingFen: number): void {
  account.txns.sort(
    (a, b) => a.day - b.day || a.second - b.second || Number(b.credit) - Number(a.credit),
  );
  let balance = openingFen;
  for (const txn of account.txns) {
    if (!txn.credit && txn.amount > balance && txn.summary !== '贷款还本付息') {
      txn.amount = Math.max(0, Math.floor((balance * 0.8) / 100) * 100);
      if (txn.amount === 0) continue;
    }
    balance += txn.credit ? txn.amount : -txn.amount;
    context.files.write('sources/bank/transactions.ndjson', {
      account_no: account.accountNo,
      bank_code: account.bank.bankCode,
      txn_id: `${account.bank.bankCode}${String(nextNumber(context, 'txn')).padStart(12, '0')}`,
      txn_time: beijingTimestamp(txn.day, txn.second),
      direction: txn.credit ? '贷' : '借',
      amount_fen: txn.amount,
      balance_fen: balance,
      counterparty_account: txn.counterpartyAccount,
      counterparty_name: txn.counterpartyName,
      summary: txn.summary,
    });
  }
}

function plainLoan(
  context: WorldContext,
  subject: Subject,
  bank: Bank,
  startDay: number,
): PlainLoan {
  const random = streamFor(context.seed, STREAM.bank, 60_000_000 + subject.index);
  const contract: Contract = {
    contractNo: `N${String(subject.index + 1).padStart(7, '0')}`,
    bank,
    amountFen: random.int(10, 300) * 1_000_000,
    termMonths: 12,
    loanRateBp: random.int(350, 600),
    feeRateBp: 0,
    startDay,
    endDay: addMonths(startDay, 12),
    plantedGuarantors: [],
    defaultDay: null,
  };
  return {
    loanNo: `${bank.bankCode}N${String(subject.index + 1).padStart(8, '0')}`,
    contract,
    history: contractHistory(contract, 0, context.asOfDay, random),
  };
}

function writeLoan(
  context: WorldContext,
  subject: Subject,
  loan: { loanNo: string; contract: Contract; history: ContractHistory; guaranteed: boolean },
): void {
  const { contract, history } = loan;
  context.files.write('sources/bank/loans.ndjson', {
    loan_no: loan.loanNo,
    bank_code: contract.bank.bankCode,
    borrower_uscc: subject.uscc,
    borrower_id_number: subject.uscc === null ? subject.legalRep.idNumber : null,
    borrower_name: subject.name,
    principal_fen: contract.amountFen,
    annual_rate_bp: contract.loanRateBp,
    start_date: epochDayToIsoDate(contract.startDay),
    maturity_date: epochDayToIsoDate(contract.endDay),
    guarantee_contract_no: loan.guaranteed ? contract.contractNo : null,
    loan_status: history.loanStatus,
  });
  for (const period of history.periods) {
    context.files.write('sources/bank/loan_schedules.ndjson', {
      loan_no: loan.loanNo,
      period_no: period.periodNo,
      due_date: epochDayToIsoDate(period.dueDay),
      principal_due_fen: period.principalDueFen,
      interest_due_fen: period.interestDueFen,
    });
  }
  for (const period of history.periods) {
    if (period.paidDay === null) continue;
    context.files.write('sources/bank/repayments.ndjson', {
      loan_no: loan.loanNo,
      period_no: period.periodNo,
      paid_date: epochDayToIsoDate(period.paidDay),
      principal_paid_fen: period.principalDueFen,
      interest_paid_fen: period.interestDueFen,
      overdue_days: period.overdueDays,
    });
  }
}
