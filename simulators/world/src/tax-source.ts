/**
 * sources/tax/: the tax bureau's view (银税互动 style, keyed by uscc): taxpayers, yearly credit
 * grades, monthly VAT invoices with counterparties, tax paid, arrears and the enterprises'
 * authorisations for the guarantee company to query.
 */
import { nameVariant, formerName } from './perturbations.ts';
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { tradingMonths } from './trading-months.ts';
import { addMonths, epochDayToIsoDate, periodOf, yearOf } from './world-calendar.ts';
import { logPerturbation, nextNumber } from './world-context.ts';
import type { SubjectView, WorldContext } from './world-context.ts';

type CreditGrade = 'A' | 'B' | 'M' | 'C' | 'D';

function counterparty(context: WorldContext, self: Subject, roll: number): Subject | undefined {
  const other = context.subjects[Math.floor(roll * context.subjects.length)];
  return other === undefined || other.index === self.index || other.uscc === null
    ? undefined
    : other;
}

export function writeTax(context: WorldContext, view: SubjectView): void {
  const { subject, outcome, perturbations, risk } = view;
  if (subject.uscc === null) return;
  const uscc = subject.uscc;
  const random = streamFor(context.seed, STREAM.tax, subject.index);
  const files = context.files;
  const general = subject.kind === 'enterprise' && subject.registeredCapitalFen >= 500 * 1_000_000;
  let taxpayerName = subject.name;
  if (perturbations.taxLateRename) {
    taxpayerName = formerName(subject.name);
    logPerturbation(context, 'tax', 'taxpayers', uscc, 'late_update');
  } else if (perturbations.taxNameVariant) {
    taxpayerName = nameVariant(subject.name);
    logPerturbation(context, 'tax', 'taxpayers', uscc, 'name_variant');
  }
  files.write('sources/tax/taxpayers.ndjson', {
    uscc,
    taxpayer_name: taxpayerName,
    taxpayer_type: general ? '一般纳税人' : '小规模纳税人',
    region_code: subject.countyCode,
  });

  const defaultYear = outcome === undefined ? Infinity : yearOf(outcome.defaultDay);
  for (let year = yearOf(context.historyStartDay); year < yearOf(context.asOfDay); year += 1) {
    if (yearOf(subject.establishedDay) > year) continue;
    let grade: CreditGrade;
    if (yearOf(subject.establishedDay) === year) grade = 'M';
    else {
      const score =
        subject.hidden.management * 0.6 +
        random.next() * 0.5 -
        risk * 0.3 -
        (year >= defaultYear ? 0.35 : 0);
      grade = score > 0.55 ? 'A' : score > 0.15 ? 'B' : score > 0.02 ? 'C' : 'D';
    }
    files.write('sources/tax/credit_grades.ndjson', { uscc, year, grade });
  }

  const rate = general ? (subject.profile.cluster === 'specialty_agriculture' ? 900 : 1300) : 100;
  for (const { month, lastDay, salesFen: sales } of tradingMonths(
    context,
    view,
    subject.establishedDay,
  )) {
    const count = random.int(0, 2 * context.scale.invoicesPerMonth);
    let vat = 0;
    for (let i = 0; i < count; i += 1) {
      const amount = Math.round(sales / count / 100) * 100;
      const tax = Math.round((amount * rate) / 10_000);
      const roll = random.next();
      const status = roll < 0.01 ? '作废' : roll < 0.02 ? '红冲' : '正常';
      if (status === '正常') vat += tax;
      const buyer = counterparty(context, subject, random.next());
      files.write('sources/tax/vat_invoices.ndjson', {
        invoice_no: `${periodOf(month).replace('-', '')}${String(nextNumber(context, 'invoice')).padStart(12, '0')}`,
        period: periodOf(month),
        issue_date: epochDayToIsoDate(random.int(month, lastDay)),
        seller_uscc: uscc,
        seller_name: subject.name,
        buyer_uscc: buyer?.uscc ?? null,
        buyer_name: buyer?.name ?? '个人',
        amount_fen: amount,
        tax_fen: tax,
        invoice_status: status,
      });
    }
    const paidDay = addMonths(month, 1) + 14;
    if (paidDay > context.asOfDay || vat === 0) continue;
    const period = periodOf(month);
    files.write('sources/tax/tax_payments.ndjson', {
      uscc,
      period,
      tax_type: '增值税',
      paid_fen: vat,
      paid_date: epochDayToIsoDate(paidDay),
    });
    files.write('sources/tax/tax_payments.ndjson', {
      uscc,
      period,
      tax_type: '附加税',
      paid_fen: Math.round(vat * 0.12),
      paid_date: epochDayToIsoDate(paidDay),
    });
    if (subject.kind === 'enterprise' && /-(03|06|09|12)$/.test(period)) {
      files.write('sources/tax/tax_payments.ndjson', {
        uscc,
        period,
        tax_type: '企业所得税',
        paid_fen: Math.round(sales * 0.03),
        paid_date: epochDayToIsoDate(paidDay),
      });
    }
  }

  if (random.chance(0.03 + 0.2 * risk + (outcome !== undefined ? 0.25 : 0))) {
    const since = random.int(context.historyStartDay, context.asOfDay - 30);
    files.write('sources/tax/arrears.ndjson', {
      uscc,
      tax_type: random.pick(['增值税', '企业所得税', '附加税']),
      arrears_fen: random.int(5, 500) * 100_000,
      since_date: epochDayToIsoDate(since),
    });
  }

  const firstApplication = view.customer?.applications[0];
  if (firstApplication !== undefined) {
    const authorized = firstApplication.appliedDay;
    const revoked = random.chance(0.05) ? authorized + random.int(10, 200) : null;
    files.write('sources/tax/authorizations.ndjson', {
      uscc,
      authorized_at: `${epochDayToIsoDate(authorized)}T10:00:00+08:00`,
      expires_at: `${epochDayToIsoDate(authorized + 365)}T10:00:00+08:00`,
      revoked_at:
        revoked !== null && revoked <= context.asOfDay
          ? `${epochDayToIsoDate(revoked)}T16:00:00+08:00`
          : null,
    });
  }
}
