/**
 * 企业年报 (annual reports) of one organisation, as the commerce vendor republishes them: one report
 * per business year, filed between 1 January and 30 June of the next year, stating people
 * employed, revenue and total assets. Real reports have gaps (years never filed), late filings
 * (after 30 June), 个体户 filing on paper or keeping their figures private, and a few 0 or
 * implausible values (yuan typed where 万元 was meant). Pure: the caller writes and logs.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Subject } from './subjects.ts';
import { isoDateToEpochDay, yearOf } from './world-calendar.ts';

/** A 0 in revenue and assets, or revenue typed in 元 where 万元 was meant (10,000× too big). */
export type AnnualReportValueDefect = 'zero_value' | 'implausible_value';

export interface AnnualReport {
  readonly reportYear: number;
  readonly filingDay: number;
  readonly employees: number | null;
  readonly revenueFen: number | null;
  readonly totalAssetsFen: number | null;
  /** 个体户 may file on paper (纸质) and may keep their figures private. */
  readonly isPaper: boolean;
  readonly isPublic: boolean;
  /** Filed after 30 June of the next year. */
  readonly isLate: boolean;
  /** What is wrong with the figures (ground truth), if anything. */
  readonly valueDefect: AnnualReportValueDefect | null;
}

export interface AnnualReportPlan {
  readonly reports: readonly AnnualReport[];
  readonly missingYears: readonly number[];
}

/** The honest figure of a year: the base year's figure grown back or forward, with noise. */
function yearFigure(base: number, growth: number, yearsFromBase: number, noise: number): number {
  return Math.max(0, Math.round((base * (1 + growth) ** yearsFromBase * noise) / 10_000) * 10_000);
}

/**
 * The reports of every business year from the year after establishment (or `firstYear`) to the
 * last year whose report could be filed by `asOfDay`. `risk` (0…1) raises gaps and late filings.
 */
export function annualReportsOf(
  random: SeededRandom,
  subject: Pick<Subject, 'kind' | 'size' | 'establishedDay'>,
  window: { readonly firstYear: number; readonly asOfDay: number },
  risk: number,
): AnnualReportPlan {
  const baseYear = yearOf(window.asOfDay) - 1;
  const growth = -0.08 + 0.22 * random.next() - 0.1 * risk;
  const personal = subject.kind === 'individual_business';
  const isPaper = personal && random.chance(0.3);
  const isPublic = !personal || random.chance(0.5);
  const reports: AnnualReport[] = [];
  const missingYears: number[] = [];
  const from = Math.max(window.firstYear, yearOf(subject.establishedDay));
  for (let year = from; year <= baseYear; year += 1) {
    const yearStart = isoDateToEpochDay(`${String(year + 1)}-01-01`);
    const deadline = isoDateToEpochDay(`${String(year + 1)}-06-30`);
    const missChance =
      (personal ? 0.2 : subject.kind === 'farmer_cooperative' ? 0.12 : 0.05) + 0.15 * risk;
    const lateChance = 0.08 + 0.25 * risk;
    const late = random.chance(lateChance);
    const filingDay = late
      ? deadline + random.int(1, 200)
      : yearStart + Math.floor((deadline - yearStart) * random.next() ** 0.5);
    if (random.chance(missChance) || filingDay > window.asOfDay) {
      if (deadline <= window.asOfDay) missingYears.push(year);
      continue;
    }
    const offset = year - baseYear;
    const noise = () => 0.93 + 0.14 * random.next();
    let revenueFen = yearFigure(subject.size.revenueFen, growth, offset, noise());
    let totalAssetsFen = yearFigure(subject.size.totalAssetsFen, growth * 0.6, offset, noise());
    const employees = Math.max(1, Math.round(subject.size.employees * (1 + growth) ** offset));
    const roll = random.next();
    let valueDefect: AnnualReportValueDefect | null = null;
    if (roll < 0.015) {
      revenueFen = 0;
      totalAssetsFen = 0;
      valueDefect = 'zero_value';
    } else if (roll < 0.025) {
      revenueFen *= 10_000;
      valueDefect = 'implausible_value';
    }
    reports.push({
      reportYear: year,
      filingDay,
      employees: isPublic ? employees : null,
      revenueFen: isPublic ? revenueFen : null,
      totalAssetsFen: isPublic ? totalAssetsFen : null,
      isPaper,
      isPublic,
      isLate: late,
      valueDefect,
    });
  }
  return { reports, missingYears };
}
