/**
 * sources/commerce/: the commerce-data vendor's view of each organisation (vendor field names,
 * camelCase, keyed by creditCode): registration, shareholders, executives, change records,
 * penalties, abnormal-operation listings, court cases and enforcement. Adverse records follow the
 * hidden causes and the outcome, with noise.
 */
import { findRegion } from '@sg/domain';
import { annualReportsOf } from './annual-reports.ts';
import { COMMERCE_ENTITY_TYPE, STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { logPerturbation, nextNumber } from './world-context.ts';
import type { SubjectView, WorldContext } from './world-context.ts';
import { formerName } from './perturbations.ts';
import { beijingTimestamp, epochDayToIsoDate, yearOf } from './world-calendar.ts';

function capitalText(fen: number): string {
  return `${String(fen / 1_000_000)}万人民币`;
}

function maskId(idNumber: string): string {
  return `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
}

function caseNo(year: number, countyCode: string, kind: string, n: number): string {
  return `(${String(year)})宁${countyCode.slice(2)}${kind}${String(n)}号`;
}

export function writeCommerce(context: WorldContext, view: SubjectView): void {
  const { subject, outcome, perturbations, risk } = view;
  if (subject.uscc === null || subject.kind === 'farmer') return;
  const uscc = subject.uscc;
  const random = streamFor(context.seed, STREAM.commerce, subject.index);
  const files = context.files;
  const regStatus = view.registration.status;
  const updateDay = random.int(
    Math.max(subject.establishedDay, context.asOfDay - 700),
    context.asOfDay,
  );
  const address = perturbations.commerceMissingAddress ? null : subject.address;
  if (address === null) logPerturbation(context, 'commerce', 'enterprises', uscc, 'missing_field');
  files.write('sources/commerce/enterprises.ndjson', {
    creditCode: uscc,
    name: subject.name,
    entityType: COMMERCE_ENTITY_TYPE[subject.kind],
    legalPerson: subject.legalRep.name,
    regCapital: capitalText(subject.registeredCapitalFen),
    regCapitalFen: subject.registeredCapitalFen,
    establishDate: epochDayToIsoDate(subject.establishedDay),
    regStatus,
    regionCode: subject.countyCode,
    industryCode: subject.industryCode,
    address,
    phone: subject.phone,
    businessScope: `${subject.profile.label}相关产品的生产、加工、销售；${findRegion(subject.countyCode)?.name ?? ''}范围内的技术服务`,
    updateTime: beijingTimestamp(updateDay, random.int(8 * 3600, 20 * 3600)),
  });

  writeOwnership(context, subject, uscc, random.next(), random.next(), random.int(2, 4));
  writeAnnualReports(context, view, uscc);
  const executives: [string, string][] =
    subject.kind === 'enterprise'
      ? [
          [subject.legalRep.name, '执行董事兼总经理'],
          [context.persons.draw(random, subject.countyCode).name, '监事'],
        ]
      : subject.kind === 'farmer_cooperative'
        ? [[subject.legalRep.name, '理事长']]
        : [[subject.legalRep.name, '经营者']];
  for (const [name, position] of executives) {
    files.write('sources/commerce/executives.ndjson', { creditCode: uscc, name, position });
  }

  const changeCount = random.int(0, 2);
  for (let i = 0; i < changeCount; i += 1) {
    const day = random.int(subject.establishedDay + 30, context.asOfDay);
    const item = random.pick(['注册资本变更', '住所变更', '经营范围变更']);
    files.write('sources/commerce/changes.ndjson', {
      creditCode: uscc,
      changeDate: epochDayToIsoDate(day),
      changeItem: item,
      beforeContent:
        item === '注册资本变更' ? capitalText(subject.registeredCapitalFen / 2) : '（略）',
      afterContent: item === '注册资本变更' ? capitalText(subject.registeredCapitalFen) : '（略）',
    });
  }
  const closedDay = view.registration.closedDay;
  if (closedDay !== null) {
    files.write('sources/commerce/changes.ndjson', {
      creditCode: uscc,
      changeDate: epochDayToIsoDate(closedDay),
      changeItem: '登记状态变更',
      beforeContent: '存续',
      afterContent: regStatus,
    });
  }
  if (perturbations.taxLateRename) {
    const day = context.asOfDay - random.int(20, 120);
    files.write('sources/commerce/changes.ndjson', {
      creditCode: uscc,
      changeDate: epochDayToIsoDate(day),
      changeItem: '名称变更',
      beforeContent: formerName(subject.name),
      afterContent: subject.name,
    });
  }

  const defaulted = outcome !== undefined;
  if (random.chance(0.03 + 0.12 * risk)) {
    const day = random.int(
      Math.max(subject.establishedDay, context.historyStartDay),
      context.asOfDay,
    );
    files.write('sources/commerce/penalties.ndjson', {
      creditCode: uscc,
      decisionNo: `宁市监罚〔${String(yearOf(day))}〕${String(nextNumber(context, 'penalty'))}号`,
      decisionDate: epochDayToIsoDate(day),
      authority: `${findRegion(subject.countyCode)?.name ?? ''}市场监督管理局`,
      content: random.pick([
        '未按规定公示年度报告',
        '产品质量抽检不合格',
        '虚假宣传',
        '未按规定办理变更登记',
      ]),
      amountFen: random.int(1, 50) * 100_000,
    });
  }
  if (random.chance(0.02 + 0.1 * risk + (defaulted ? 0.2 : 0))) {
    const day = random.int(
      Math.max(subject.establishedDay + 365, context.historyStartDay),
      context.asOfDay,
    );
    const removed = random.chance(0.4) ? day + random.int(30, 300) : null;
    files.write('sources/commerce/abnormal_operations.ndjson', {
      creditCode: uscc,
      listedDate: epochDayToIsoDate(day),
      listedReason: random.pick([
        '未依照规定期限公示年度报告',
        '通过登记的住所或者经营场所无法联系',
      ]),
      removedDate:
        removed !== null && removed <= context.asOfDay ? epochDayToIsoDate(removed) : null,
    });
  }
  if (random.chance(0.05 + 0.15 * risk)) {
    const day = random.int(context.historyStartDay, context.asOfDay);
    files.write('sources/commerce/court_cases.ndjson', {
      creditCode: uscc,
      caseNo: caseNo(yearOf(day), subject.countyCode, '民初', nextNumber(context, 'case')),
      filingDate: epochDayToIsoDate(day),
      caseType: random.pick(['买卖合同纠纷', '劳动争议', '借款合同纠纷', '租赁合同纠纷']),
      role: random.pick(['原告', '被告', '被告', '第三人']),
      amountFen: random.int(1, 300) * 1_000_000,
    });
  }
  // After compensating, the guarantee company sues the borrower (追偿诉讼) and may enforce.
  const compensated = [...view.histories.values()].find((h) => h.compensatedDay !== null);
  if (compensated?.compensatedDay != null) {
    const filing = compensated.compensatedDay + random.int(20, 90);
    if (filing <= context.asOfDay) {
      const filed = caseNo(yearOf(filing), subject.countyCode, '民初', nextNumber(context, 'case'));
      files.write('sources/commerce/court_cases.ndjson', {
        creditCode: uscc,
        caseNo: filed,
        filingDate: epochDayToIsoDate(filing),
        caseType: '追偿权纠纷',
        role: '被告',
        amountFen: compensated.compensationFen,
      });
      const enforced = filing + random.int(120, 300);
      if (enforced <= context.asOfDay && random.chance(0.6)) {
        files.write('sources/commerce/enforcements.ndjson', {
          creditCode: uscc,
          caseNo: caseNo(yearOf(enforced), subject.countyCode, '执', nextNumber(context, 'case')),
          filingDate: epochDayToIsoDate(enforced),
          amountFen: compensated.compensationFen,
          isDishonest: random.chance(0.4),
          court: `${findRegion(subject.countyCode)?.name ?? ''}人民法院`,
        });
      }
    }
  } else if (random.chance(0.01 + 0.03 * risk)) {
    const day = random.int(context.historyStartDay, context.asOfDay);
    files.write('sources/commerce/enforcements.ndjson', {
      creditCode: uscc,
      caseNo: caseNo(yearOf(day), subject.countyCode, '执', nextNumber(context, 'case')),
      filingDate: epochDayToIsoDate(day),
      amountFen: random.int(1, 100) * 1_000_000,
      isDishonest: random.chance(0.2),
      court: `${findRegion(subject.countyCode)?.name ?? ''}人民法院`,
    });
  }
}

/**
 * 企业年报 in the vendor's shape, one row per filed year; the gaps, late filings and bad values
 * are logged to the ground truth (file annual_reports).
 */
function writeAnnualReports(context: WorldContext, view: SubjectView, uscc: string): void {
  const random = streamFor(context.seed, STREAM.annualReports, 50_000_000 + view.subject.index);
  const plan = annualReportsOf(
    random,
    view.subject,
    { firstYear: yearOf(context.historyStartDay) - 2, asOfDay: context.asOfDay },
    view.risk,
  );
  for (const year of plan.missingYears) {
    logPerturbation(
      context,
      'commerce',
      'annual_reports',
      `${uscc}/${String(year)}`,
      'missing_year',
    );
  }
  for (const report of plan.reports) {
    const key = `${uscc}/${String(report.reportYear)}`;
    if (report.isLate) logPerturbation(context, 'commerce', 'annual_reports', key, 'late_filing');
    if (report.valueDefect !== null) {
      logPerturbation(context, 'commerce', 'annual_reports', key, report.valueDefect);
    }
    context.files.write('sources/commerce/annual_reports.ndjson', {
      creditCode: uscc,
      reportYear: report.reportYear,
      reportDate: epochDayToIsoDate(report.filingDay),
      submitMethod: report.isPaper ? '纸质申报' : '网上申报',
      disclosure: report.isPublic ? '公示' : '企业选择不公示',
      employeeCount: report.employees,
      operatingRevenueFen: report.revenueFen,
      totalAssetsFen: report.totalAssetsFen,
    });
  }
}

/** Shareholders: the legal representative, other people, sometimes another company. */
function writeOwnership(
  context: WorldContext,
  subject: Subject,
  uscc: string,
  stakeRoll: number,
  companyRoll: number,
  memberCount: number,
): void {
  if (subject.kind === 'individual_business') return;
  const random = streamFor(context.seed, STREAM.commerce, 50_000_000 + subject.index);
  const holders: { name: string; uscc: string | null; id: string | null; pct: number }[] = [];
  if (subject.kind === 'farmer_cooperative') {
    const pct = Math.floor(10_000 / (memberCount + 1)) / 100;
    holders.push({ name: subject.legalRep.name, uscc: null, id: subject.legalRep.idNumber, pct });
    for (let i = 0; i < memberCount; i += 1) {
      const member = context.persons.draw(random, subject.countyCode);
      holders.push({ name: member.name, uscc: null, id: member.idNumber, pct });
    }
  } else {
    const lead = stakeRoll < 0.4 ? 100 : 40 + Math.floor(stakeRoll * 55);
    holders.push({
      name: subject.legalRep.name,
      uscc: null,
      id: subject.legalRep.idNumber,
      pct: lead,
    });
    if (lead < 100) {
      const other =
        companyRoll < 0.3 && subject.index > 0
          ? context.subjects[random.int(0, subject.index - 1)]
          : undefined;
      if (other?.uscc != null && other.kind === 'enterprise') {
        holders.push({ name: other.name, uscc: other.uscc, id: null, pct: 100 - lead });
      } else {
        const person = context.persons.draw(random, subject.countyCode);
        holders.push({ name: person.name, uscc: null, id: person.idNumber, pct: 100 - lead });
      }
    }
  }
  for (const holder of holders) {
    context.files.write('sources/commerce/shareholders.ndjson', {
      creditCode: uscc,
      shareholderName: holder.name,
      shareholderType: holder.uscc === null ? '自然人' : '企业法人',
      shareholderCreditCode: holder.uscc,
      shareholderIdMasked: holder.id === null ? null : maskId(holder.id),
      stakePercent: holder.pct,
      subscribedCapitalFen: Math.round((subject.registeredCapitalFen * holder.pct) / 100),
    });
  }
}
