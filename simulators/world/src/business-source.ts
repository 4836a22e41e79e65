/**
 * sources/business/: the guarantee company's legacy tables (snake_case, one file per table):
 * customers, applications, projects, guarantee contracts with partner banks, counter-guarantees,
 * fees, loans, repayments, post-guarantee checks, five-level classes, compensations, recoveries
 * and releases (docs/domain.md §5). Withdrawn applications older than 180 days are purged, as the
 * legacy system does, so a later asOf drops rows that an earlier one had.
 */
import { approvalLog } from './approval-log.ts';
import {
  claimNoticeDay,
  collateralRegistrationDay,
  riskShares,
  writeOff,
} from './contract-risk.ts';
import { BANKS } from './banks.ts';
import { bankCreditLines } from './credit-lines.ts';
import { bankLoanNo } from './bank-source.ts';
import { userIdOf, writeBusinessReference } from './business-reference.ts';
import type { ContractHistory } from './contract-history.ts';
import { OFFICERS } from './guarantee-book.ts';
import {
  CREDIT_LINE_STATUS,
  CUSTOMER_TYPE,
  GUARANTEE_PERIOD,
  RELATION_TYPE,
} from './legacy-text-codes.ts';
import { relatedParties } from './related-parties.ts';
import { feeChargedDay, guaranteeFeeFen } from './guarantee-fee.ts';
import type { Application, Contract } from './guarantee-book.ts';
import { nameVariant, toFullWidth, withWrongCheckChar } from './perturbations.ts';
import { STREAM, streamFor } from './subjects.ts';
import { addMonths, beijingTimestamp, epochDayToIsoDate } from './world-calendar.ts';
import { logPerturbation, nextNumber } from './world-context.ts';
import type { SubjectView, WorldContext } from './world-context.ts';
import type { SeededRandom } from '@sg/simulator-kit';

const PURGE_WITHDRAWN_AFTER_DAYS = 180;
/** Share of contracts whose 保证期间 is two years after the debt falls due (else three). */
const GUARANTEE_PERIOD_TWO_YEARS_SHARE = 0.2;
/** Share of contracts for which the company also issued the bank a 保函 (letter of guarantee). */
const LETTER_OF_GUARANTEE_SHARE = 0.2;

/**
 * 反担保合同编号 `<contract>-<letter><n>`: B 保证 (legal representative, persons), D 抵押, Z 质押;
 * a company's guarantee carries its planned `-G<n>` number (guarantee-links.ts).
 */
const COUNTER_CONTRACT_LETTER = { 保证: 'B', 抵押: 'D', 质押: 'Z' } as const;

function stamp(day: number, random: SeededRandom): string {
  return beijingTimestamp(day, random.int(8 * 3600, 19 * 3600));
}

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(8, '0')}`;
}

/**
 * The partner banks with their yearly credit lines to the company (t_bank_credit_line), then the
 * reference tables (dictionary, organisation, users, products).
 */
export function writeBankPartners(context: WorldContext, contracts: readonly Contract[]): void {
  for (const bank of BANKS) {
    context.files.write('sources/business/t_bank_partner.ndjson', {
      partner_id: bank.partnerId,
      bank_code: bank.bankCode,
      bank_name: bank.legacyName,
      risk_share_pct: bank.riskSharePct,
    });
  }
  const lines = bankCreditLines(BANKS, contracts, context.historyStartDay, context.asOfDay);
  for (const line of lines) {
    context.files.write('sources/business/t_bank_credit_line.ndjson', {
      line_id: line.lineId,
      partner_id: line.bank.partnerId,
      line_amount_fen: line.amountFen,
      used_amount_fen: line.usedFen,
      start_date: epochDayToIsoDate(line.startDay),
      end_date: epochDayToIsoDate(line.endDay),
      status:
        line.endDay < context.asOfDay ? CREDIT_LINE_STATUS.expired : CREDIT_LINE_STATUS.active,
      updated_at: beijingTimestamp(line.updatedDay, 18 * 3600),
    });
  }
  writeBusinessReference(context);
}

export function writeBusiness(context: WorldContext, view: SubjectView): void {
  const { subject, customer, perturbations } = view;
  if (customer === null) return;
  const random = streamFor(context.seed, STREAM.business, 70_000_000 + subject.index);
  const legacy = streamFor(context.seed, STREAM.businessLegacy, 70_000_000 + subject.index);
  const files = context.files;
  const asOf = context.asOfDay;

  let name = subject.name;
  let uscc = subject.uscc;
  if (uscc !== null) {
    if (perturbations.businessNameVariant) {
      name = nameVariant(name);
      logPerturbation(context, 'business', 't_customer', customer.customerId, 'name_variant');
    }
    if (perturbations.businessFullWidthUscc) {
      uscc = toFullWidth(uscc);
      logPerturbation(context, 'business', 't_customer', customer.customerId, 'full_width_code');
    } else if (perturbations.businessInvalidUscc) {
      uscc = withWrongCheckChar(uscc);
      logPerturbation(context, 'business', 't_customer', customer.customerId, 'invalid_code');
    }
  }
  const phone = perturbations.businessMissingPhone ? null : subject.phone;
  if (phone === null)
    logPerturbation(context, 'business', 't_customer', customer.customerId, 'missing_field');
  const lastApplication = customer.applications.at(-1)?.appliedDay ?? customer.createdDay;
  files.write('sources/business/t_customer.ndjson', {
    customer_id: customer.customerId,
    customer_type: CUSTOMER_TYPE[subject.kind],
    customer_name: name,
    uscc,
    id_number: subject.uscc === null ? subject.legalRep.idNumber : null,
    region_code: subject.countyCode,
    industry_code: subject.industryCode,
    phone,
    address: subject.address,
    created_at: stamp(customer.createdDay, random),
    updated_at: stamp(Math.min(asOf, lastApplication), random),
  });

  writeCustomerRelations(context, view, legacy);

  for (const application of customer.applications) {
    const applicationId = id('AP', nextNumber(context, 'application'));
    const withdrawn = application.outcome === 'withdrawn';
    if (withdrawn && application.appliedDay < asOf - PURGE_WITHDRAWN_AFTER_DAYS) continue;
    const status = withdrawn ? '已撤回' : application.outcome === 'rejected' ? '已否决' : '已批准';
    files.write('sources/business/t_application.ndjson', {
      application_id: applicationId,
      customer_id: customer.customerId,
      applied_at: stamp(application.appliedDay, random),
      amount_fen: application.amountFen,
      term_months: application.termMonths,
      purpose: application.purpose,
      channel: application.channel,
      status,
      updated_at: stamp(Math.min(asOf, application.decidedDay), random),
    });
    if (withdrawn) continue;
    writeCreditReportGuarantees(context, view, application.investigatedDay, applicationId);
    const projectId = id('PJ', nextNumber(context, 'project'));
    const approved = application.contract !== null;
    files.write('sources/business/t_project.ndjson', {
      project_id: projectId,
      application_id: applicationId,
      officer_name: application.officerA,
      officer_user_id: userIdOf(application.officerA),
      investigated_at: stamp(application.investigatedDay, random),
      approved_at: approved ? stamp(application.decidedDay, random) : null,
      approved_amount_fen: application.contract?.amountFen ?? null,
      decision: approved ? '同意' : '否决',
      updated_at: stamp(Math.min(asOf, application.decidedDay), random),
    });
    writeApprovalLog(context, application, projectId, legacy);
    const contract = application.contract;
    const history = contract === null ? undefined : view.histories.get(contract);
    if (contract !== null && history !== undefined) {
      writeContract(
        context,
        view,
        contract,
        history,
        projectId,
        application.officerA,
        random,
        legacy,
      );
    }
  }
}

/** One guarantee contract with everything that hangs off it, in the legacy tables' shapes. */
function writeContract(
  context: WorldContext,
  view: SubjectView,
  contract: Contract,
  history: ContractHistory,
  projectId: string,
  officer: string,
  random: SeededRandom,
  legacy: SeededRandom,
): void {
  writeContractRows(context, view, contract, history, projectId, random, legacy);
  writeCounterGuarantees(context, view, contract, random, legacy);
  const depositFen = writeFees(context, contract, random);
  writeLoan(context, contract, history, random);
  writeMonitoring(context, view, contract, history, officer, random);
  writeCompensation(context, contract, history, random, legacy);
  writeRelease(context, contract, history, depositFen, random, legacy);
}

/** t_guarantee_contract and the contract's risk shares (t_risk_share). */
function writeContractRows(
  context: WorldContext,
  view: SubjectView,
  contract: Contract,
  history: ContractHistory,
  projectId: string,
  random: SeededRandom,
  legacy: SeededRandom,
): void {
  const files = context.files;
  const closedDay = history.compensatedDay ?? history.releasedDay;
  const periodYears = legacy.chance(GUARANTEE_PERIOD_TWO_YEARS_SHARE) ? 2 : 3;
  const letterOfGuarantee = legacy.chance(LETTER_OF_GUARANTEE_SHARE);
  const line = view.creditLine;
  files.write('sources/business/t_guarantee_contract.ndjson', {
    contract_no: contract.contractNo,
    project_id: projectId,
    partner_id: contract.bank.partnerId,
    guaranteed_amount_fen: contract.amountFen,
    start_date: epochDayToIsoDate(contract.startDay),
    end_date: epochDayToIsoDate(contract.endDay),
    fee_rate_bp: contract.feeRateBp,
    product_code: contract.product?.code ?? null,
    repayment_type: contract.repaymentType ?? null,
    renews_contract_no: contract.renewsContractNo ?? null,
    bank_contract_no: bankGuaranteeContractNo(contract),
    letter_of_guarantee_no: letterOfGuarantee ? `BH${contract.contractNo.slice(2)}` : null,
    guarantee_period: periodYears === 2 ? GUARANTEE_PERIOD.two_years : GUARANTEE_PERIOD.three_years,
    guarantee_period_end: epochDayToIsoDate(addMonths(contract.endDay, 12 * periodYears)),
    credit_line_id: line?.contractNos.has(contract.contractNo) === true ? line.lineId : null,
    status: history.contractStatus,
    updated_at: stamp(closedDay ?? contract.startDay, random),
  });
  for (const share of riskShares(contract)) {
    files.write('sources/business/t_risk_share.ndjson', {
      share_id: id('RS', nextNumber(context, 'riskShare')),
      contract_no: contract.contractNo,
      party_type: share.party,
      party_name: share.partyName,
      share_pct: share.sharePct,
      cap_fen: share.capFen,
    });
  }
}

/** Counter-guarantees (t_counter_guarantee), mortgages with their registrations. */
function writeCounterGuarantees(
  context: WorldContext,
  view: SubjectView,
  contract: Contract,
  random: SeededRandom,
  legacy: SeededRandom,
): void {
  const files = context.files;
  const { subject } = view;
  const ordinals = new Map<string, number>();
  const counter = (row: {
    kind: '抵押' | '质押' | '保证';
    name: string;
    uscc: string | null;
    idNumber: string | null;
    desc: string | null;
    value: number | null;
    counterContractNo?: string | undefined;
  }): void => {
    const counterId = id('CG', nextNumber(context, 'counter'));
    const letter = COUNTER_CONTRACT_LETTER[row.kind];
    const ordinal = (ordinals.get(letter) ?? 0) + 1;
    ordinals.set(letter, ordinal);
    if (row.kind === '抵押') {
      files.write('sources/business/t_collateral_registration.ndjson', {
        registration_id: id('CR', nextNumber(context, 'registration')),
        counter_id: counterId,
        registry: legacy.pick(['不动产登记中心', '市场监督管理局', '农业农村局']),
        certificate_no: `宁(${String(legacy.int(2015, 2025))})不动产证明第${String(legacy.int(1, 9_999_999)).padStart(7, '0')}号`,
        registered_at: stamp(collateralRegistrationDay(contract, legacy), legacy),
      });
    }
    files.write('sources/business/t_counter_guarantee.ndjson', {
      counter_id: counterId,
      contract_no: contract.contractNo,
      kind: row.kind,
      guarantor_name: row.name,
      guarantor_uscc: row.uscc,
      guarantor_id_number: row.idNumber,
      collateral_desc: row.desc,
      value_fen: row.value,
      counter_contract_no:
        row.counterContractNo ?? `${contract.contractNo}-${letter}${String(ordinal)}`,
      valid_from: epochDayToIsoDate(contract.startDay),
      valid_to: epochDayToIsoDate(contract.endDay),
      updated_at: stamp(contract.startDay - 2, random),
    });
  };
  if (subject.uscc !== null) {
    counter({
      kind: '保证',
      name: subject.legalRep.name,
      uscc: null,
      idNumber: subject.legalRep.idNumber,
      desc: '法定代表人连带责任保证',
      value: null,
    });
  }
  if (random.chance(0.6)) {
    const what = random.pick(['房产', '机器设备', '土地经营权', '车辆']);
    counter({
      kind: '抵押',
      name: subject.uscc === null ? subject.legalRep.name : subject.name,
      uscc: subject.uscc,
      idNumber: subject.uscc === null ? subject.legalRep.idNumber : null,
      desc: `${what}抵押（${subject.address}）`,
      value: Math.round((contract.amountFen * (1.2 + random.next())) / 100) * 100,
    });
  }
  if (random.chance(0.15)) {
    counter({
      kind: '质押',
      name: subject.legalRep.name,
      uscc: null,
      idNumber: subject.legalRep.idNumber,
      desc: random.pick(['股权质押', '应收账款质押', '存单质押']),
      value: Math.round((contract.amountFen * (0.3 + random.next() * 0.5)) / 100) * 100,
    });
  }
  for (const guarantor of contract.plantedGuarantors) {
    counter({
      kind: '保证',
      name: guarantor.name,
      uscc: guarantor.uscc,
      idNumber: guarantor.idNumber,
      desc: '连带责任保证',
      value: null,
      counterContractNo: guarantor.counterContractNo,
    });
  }
}

/** The fees charged (t_fee; planted cap breaches in the ground truth); returns the deposit. */
function writeFees(context: WorldContext, contract: Contract, random: SeededRandom): number {
  const files = context.files;
  if (contract.feeBreach === true && contract.feeCap !== undefined && contract.feeCap !== null) {
    files.write('ground-truth/fee-breaches.ndjson', {
      contract_no: contract.contractNo,
      product_code: contract.product?.code ?? null,
      guaranteed_amount_fen: contract.amountFen,
      fee_rate_bp: contract.feeRateBp,
      cap_bp: contract.feeCap.capBp,
      cap_label: contract.feeCap.label,
    });
  }
  const fee = (type: string, amount: number): void => {
    files.write('sources/business/t_fee.ndjson', {
      fee_id: id('FE', nextNumber(context, 'fee')),
      contract_no: contract.contractNo,
      fee_type: type,
      amount_fen: amount,
      charged_at: stamp(feeChargedDay(contract), random),
    });
  };
  fee('担保费', guaranteeFeeFen(contract));
  if (random.chance(0.3)) fee('评审费', Math.round(contract.amountFen * 0.002));
  const depositFen = random.chance(0.25)
    ? Math.round(contract.amountFen * random.pick([0.05, 0.1]))
    : 0;
  if (depositFen > 0) fee('保证金', depositFen);
  return depositFen;
}

/** The bank loan under the contract (t_loan) and its repayments (t_repayment). */
function writeLoan(
  context: WorldContext,
  contract: Contract,
  history: ContractHistory,
  random: SeededRandom,
): void {
  const files = context.files;
  const asOf = context.asOfDay;
  const loanId = id('LN', nextNumber(context, 'loan'));
  const lastPaid = history.periods.reduce((d, p) => Math.max(d, p.paidDay ?? 0), contract.startDay);
  files.write('sources/business/t_loan.ndjson', {
    loan_id: loanId,
    contract_no: contract.contractNo,
    bank_loan_no: bankLoanNo(contract),
    disbursed_at: stamp(contract.startDay, random),
    principal_fen: contract.amountFen,
    maturity_date: epochDayToIsoDate(contract.endDay),
    updated_at: stamp(lastPaid, random),
  });
  for (const period of history.periods) {
    if (period.paidDay === null) continue;
    files.write('sources/business/t_repayment.ndjson', {
      repayment_id: id('RP', nextNumber(context, 'repayment')),
      loan_id: loanId,
      paid_at: stamp(period.paidDay, random),
      principal_fen: period.principalDueFen,
      interest_fen: period.interestDueFen,
      updated_at: stamp(Math.min(asOf, period.paidDay + random.int(0, 5)), random),
    });
  }
}

/** The release of a repaid contract (t_release) and its deposit's refund (t_deposit_refund). */
function writeRelease(
  context: WorldContext,
  contract: Contract,
  history: ContractHistory,
  depositFen: number,
  random: SeededRandom,
  legacy: SeededRandom,
): void {
  const files = context.files;
  if (history.releasedDay !== null) {
    files.write('sources/business/t_release.ndjson', {
      release_id: id('RL', nextNumber(context, 'release')),
      contract_no: contract.contractNo,
      released_at: stamp(history.releasedDay, random),
      reason: '贷款结清',
    });
    const refundDay = history.releasedDay + legacy.int(1, 15);
    if (depositFen > 0 && refundDay <= context.asOfDay) {
      files.write('sources/business/t_deposit_refund.ndjson', {
        refund_id: id('DR', nextNumber(context, 'depositRefund')),
        contract_no: contract.contractNo,
        refunded_at: stamp(refundDay, legacy),
        amount_fen: depositFen,
      });
    }
  }
}

/** Post-guarantee checks and quarterly five-level classification while the contract is open. */
function writeMonitoring(
  context: WorldContext,
  view: SubjectView,
  contract: Contract,
  history: ContractHistory,
  officer: string,
  random: SeededRandom,
): void {
  const files = context.files;
  const defaultDay = contract.defaultDay;
  const endDay = Math.min(
    context.asOfDay,
    history.releasedDay ?? contract.endDay,
    history.compensatedDay ?? Infinity,
  );
  let day = contract.startDay + random.int(5, 15);
  while (day <= endDay) {
    const nearDefault = defaultDay !== null && defaultDay - day < 150;
    const warned = nearDefault ? random.chance(0.6) : random.chance(0.03 + 0.1 * view.risk);
    files.write('sources/business/t_post_check.ndjson', {
      check_id: id('PC', nextNumber(context, 'check')),
      contract_no: contract.contractNo,
      checked_at: stamp(day, random),
      ...checkOfficer(random.chance(0.8) ? officer : random.pick(OFFICERS)),
      finding: warned
        ? random.pick([
            '销售收入明显下滑',
            '资金周转紧张',
            '存在对外担保风险',
            '实际控制人变更',
            '涉诉',
          ])
        : random.pick(['经营正常', '资金用途符合约定', '经营正常，按期还款']),
      updated_at: stamp(day, random),
    });
    // Special mention or worse: monthly; otherwise quarterly (docs/domain.md §5.6).
    day += warned ? 30 : 91;
  }
  const lastClassDay = Math.min(context.asOfDay, history.releasedDay ?? contract.endDay + 200);
  for (let quarter = 1; ; quarter += 1) {
    const day = contract.startDay + quarter * 91;
    if (day > lastClassDay) break;
    let riskClass = '正常';
    if (history.compensatedDay !== null && day >= history.compensatedDay) {
      riskClass = day - history.compensatedDay > 365 ? '损失' : '可疑';
    } else if (defaultDay !== null && day >= defaultDay) {
      riskClass = day - defaultDay > 90 ? '次级' : '关注';
    } else if (defaultDay !== null && defaultDay - day < 120 && random.chance(0.5)) {
      riskClass = '关注';
    } else if (day > contract.endDay) {
      break;
    }
    files.write('sources/business/t_risk_class.ndjson', {
      class_id: id('RK', nextNumber(context, 'class')),
      contract_no: contract.contractNo,
      classified_at: stamp(day, random),
      risk_class: riskClass,
    });
  }
}

function checkOfficer(name: string): { officer_name: string; officer_user_id: string } {
  return { officer_name: name, officer_user_id: userIdOf(name) };
}

/** The bank's own number for its 保证合同 with the company: <bank code>BZ<contract number>. */
export function bankGuaranteeContractNo(contract: Contract): string {
  return `${contract.bank.bankCode}BZ${contract.contractNo.replace(/^DB/, '').replace('-', '')}`;
}

function writeApprovalLog(
  context: WorldContext,
  application: Application,
  projectId: string,
  legacy: SeededRandom,
): void {
  const entries = approvalLog(
    {
      officerA: application.officerA,
      investigatedDay: application.investigatedDay,
      decidedDay: application.decidedDay,
      approved: application.contract !== null,
    },
    legacy,
  );
  for (const entry of entries) {
    context.files.write('sources/business/t_approval_log.ndjson', {
      log_id: id('AL', nextNumber(context, 'approval')),
      project_id: projectId,
      step: entry.step,
      user_id: entry.userId,
      opinion: entry.opinion,
      meeting_no: entry.meeting,
      acted_at: stamp(entry.day, legacy),
    });
  }
}

/** The bank's claim, the compensation, its recoveries, a write-off and the closing release. */
function writeCompensation(
  context: WorldContext,
  contract: Contract,
  history: ContractHistory,
  random: SeededRandom,
  legacy: SeededRandom,
): void {
  if (history.compensatedDay === null) return;
  const files = context.files;
  const asOf = context.asOfDay;
  const compensationId = id('CP', nextNumber(context, 'compensation'));
  const noticeDay = claimNoticeDay(history, legacy);
  if (noticeDay !== null) {
    files.write('sources/business/t_compensation_claim.ndjson', {
      claim_id: id('CL', nextNumber(context, 'claim')),
      contract_no: contract.contractNo,
      notified_at: stamp(noticeDay, legacy),
      claimed_amount_fen: history.compensationFen,
      compensation_id: compensationId,
    });
  }
  files.write('sources/business/t_compensation.ndjson', {
    compensation_id: compensationId,
    contract_no: contract.contractNo,
    compensated_at: stamp(history.compensatedDay, random),
    amount_fen: history.compensationFen,
  });
  const recoveries: [string, number, number][] = [];
  if (contract.bank.riskSharePct > 0) {
    recoveries.push([
      '分险方收回',
      random.int(20, 90),
      Math.round((history.compensationFen * contract.bank.riskSharePct) / 100),
    ]);
  }
  const rest = random.int(0, 2);
  for (let i = 0; i < rest; i += 1) {
    recoveries.push([
      random.pick(['诉讼执行', '处置抵押物', '保证人代偿', '协商还款']),
      random.int(60, 400),
      Math.round((history.compensationFen * (0.05 + random.next() * 0.3)) / 100) * 100,
    ]);
  }
  let recoveredFen = 0;
  for (const [method, after, amount] of recoveries) {
    const day = history.compensatedDay + after;
    if (day > asOf) continue;
    recoveredFen += amount;
    files.write('sources/business/t_recovery.ndjson', {
      recovery_id: id('RC', nextNumber(context, 'recovery')),
      compensation_id: compensationId,
      recovered_at: stamp(day, random),
      amount_fen: amount,
      method,
    });
  }
  const loss = writeOff(
    history.compensatedDay,
    history.compensationFen,
    recoveredFen,
    asOf,
    legacy,
  );
  if (loss !== null) {
    files.write('sources/business/t_write_off.ndjson', {
      write_off_id: id('WO', nextNumber(context, 'writeOff')),
      compensation_id: compensationId,
      written_off_at: stamp(loss.day, legacy),
      amount_fen: loss.amountFen,
    });
  }
  const closedDay = loss?.day ?? null;
  if (closedDay !== null) {
    files.write('sources/business/t_release.ndjson', {
      release_id: id('RL', nextNumber(context, 'release')),
      contract_no: contract.contractNo,
      released_at: stamp(closedDay + legacy.int(1, 10), legacy),
      reason: '代偿核销后解除',
    });
  }
}

/**
 * The 对外担保 section of the customer's credit report (征信), pulled when the application is
 * investigated: its guarantees to lenders outside our book in force on that day.
 */
function writeCreditReportGuarantees(
  context: WorldContext,
  view: SubjectView,
  reportDay: number,
  applicationId: string,
): void {
  const customer = view.customer;
  if (customer === null) return;
  for (const link of context.guaranteeLinks.externalOf(view.subject)) {
    if (reportDay < link.validFrom || reportDay > link.validTo) continue;
    context.files.write('sources/business/t_credit_report_guarantee.ndjson', {
      record_id: id('CRG', nextNumber(context, 'creditReportGuarantee')),
      application_id: applicationId,
      customer_id: customer.customerId,
      report_date: epochDayToIsoDate(reportDay),
      guarantee_contract_no: link.contractNo,
      creditor_name: link.lender?.name ?? null,
      borrower_name: link.borrower.name,
      borrower_uscc: link.borrower.uscc,
      guaranteed_amount_fen: link.amountFen,
      start_date: epochDayToIsoDate(link.validFrom),
      end_date: epochDayToIsoDate(link.validTo),
    });
  }
}

/** The customer's credit line (t_customer_credit_line) and related parties (t_related_party). */
function writeCustomerRelations(
  context: WorldContext,
  view: SubjectView,
  legacy: SeededRandom,
): void {
  const { subject, customer, creditLine } = view;
  if (customer === null) return;
  const files = context.files;
  if (creditLine !== null) {
    files.write('sources/business/t_customer_credit_line.ndjson', {
      line_id: creditLine.lineId,
      customer_id: customer.customerId,
      line_amount_fen: creditLine.amountFen,
      is_revolving: creditLine.revolving ? 1 : 0,
      start_date: epochDayToIsoDate(creditLine.startDay),
      end_date: epochDayToIsoDate(creditLine.endDay),
      status:
        creditLine.endDay < context.asOfDay
          ? CREDIT_LINE_STATUS.expired
          : CREDIT_LINE_STATUS.active,
      updated_at: stamp(Math.min(context.asOfDay, creditLine.startDay), legacy),
    });
  }
  const group = context.controlGroups.get(subject.index);
  for (const party of relatedParties(subject, group, context.persons, legacy)) {
    files.write('sources/business/t_related_party.ndjson', {
      relation_id: id('RA', nextNumber(context, 'relatedParty')),
      customer_id: customer.customerId,
      relation_type: RELATION_TYPE[party.relation],
      party_name: party.name,
      party_id_number: party.idNumber,
      party_uscc: party.uscc,
      updated_at: stamp(customer.createdDay, legacy),
    });
  }
}
