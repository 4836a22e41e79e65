import { classifySmeSize } from '@sg/domain';
import { INDUSTRY_PROFILES, isoDateToEpochDay } from '@sg/simulator-kit';
import { describe, expect, it } from 'vitest';
import { annualReportsOf } from './annual-reports.ts';
import { STREAM, generateSubject, industryCycleSeverities, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';
import { PersonRegistry } from './synthetic-persons.ts';

const SEED = 640_000;
const AS_OF_DAY = isoDateToEpochDay('2025-06-30');
const COUNT = 3000;

function subjects(seed: number, count = COUNT): Subject[] {
  const context = {
    seed,
    asOfDay: AS_OF_DAY,
    persons: new PersonRegistry(),
    cycles: industryCycleSeverities(seed),
    usccs: new Set<string>(),
  };
  return Array.from({ length: count }, (_, i) => generateSubject(i, context));
}

const SUBJECTS = subjects(SEED);
const share = (pick: (s: Subject) => boolean, of: readonly Subject[] = SUBJECTS) =>
  of.filter(pick).length / of.length;

describe('regional and industry mix of a 银川 city guarantor', () => {
  it('places most subjects in 银川 and the rest in its service area', () => {
    const inYinchuan = share((s) => s.prefectureCode === '640100');
    expect(inYinchuan).toBeGreaterThan(0.65);
    expect(inYinchuan).toBeLessThan(0.92);
    for (const county of ['640104', '640105', '640106', '640121', '640122', '640181']) {
      expect(SUBJECTS.some((s) => s.countyCode === county)).toBe(true);
    }
    expect(share((s) => s.prefectureCode !== '640100')).toBeGreaterThan(0.05);
  });

  it('follows configured shares: a guarantor serving only 吴忠 lends only there', () => {
    const context = {
      seed: SEED,
      asOfDay: AS_OF_DAY,
      persons: new PersonRegistry(),
      cycles: industryCycleSeverities(SEED),
      usccs: new Set<string>(),
      serviceArea: { '640300': 1 },
    };
    const wuzhong = Array.from({ length: 200 }, (_, i) => generateSubject(i, context));
    expect(wuzhong.every((s) => s.prefectureCode === '640300')).toBe(true);
  });

  it('has construction, wholesale, retail and catering among 小微 and 个体户, and agriculture no longer dominant', () => {
    const sections = (s: Subject) => s.industryCode.slice(0, 2);
    const organisations = SUBJECTS.filter((s) => s.kind !== 'farmer');
    for (const [label, divisions] of [
      ['construction', ['47', '48', '49', '50']],
      ['wholesale', ['51']],
      ['retail', ['52']],
      ['catering', ['62']],
    ] as const) {
      const found = organisations.filter((s) =>
        (divisions as readonly string[]).includes(sections(s)),
      );
      expect(found.length, label).toBeGreaterThan(COUNT * 0.03);
    }
    const shops = SUBJECTS.filter((s) => s.kind === 'individual_business');
    expect(share((s) => s.profile.cluster === 'local_trade', shops)).toBeGreaterThan(0.5);
    const agricultureAndFood = share((s) => s.profile.cluster === 'specialty_agriculture');
    expect(agricultureAndFood).toBeGreaterThan(0.2);
    expect(agricultureAndFood).toBeLessThan(0.45);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const again = subjects(SEED, 300);
    expect(again).toEqual(SUBJECTS.slice(0, 300));
    const other = subjects(SEED + 1, 300);
    expect(other.map((s) => s.countyCode)).not.toEqual(again.map((s) => s.countyCode));
  });

  it('covers every industry code of the world with the SME size standard', () => {
    for (const code of INDUSTRY_PROFILES.flatMap((p) => p.industryCodes)) {
      const result = classifySmeSize({
        industryCode: code,
        employees: 1,
        revenueFen: 1,
        totalAssetsFen: 1,
      });
      expect(result.size, code).not.toBe('unknown');
    }
  });
});

describe('subject size', () => {
  it('keeps 个体户 and farmers small and classifies most organisations 小微', () => {
    for (const s of SUBJECTS.filter(
      (x) => x.kind === 'individual_business' || x.kind === 'farmer',
    )) {
      expect(s.size.employees).toBeLessThanOrEqual(12);
      expect(s.size.totalAssetsFen).toBeLessThanOrEqual(300 * 1_000_000);
    }
    const sizes = SUBJECTS.filter((s) => s.kind !== 'farmer').map(
      (s) => classifySmeSize({ industryCode: s.industryCode, ...s.size }).size,
    );
    const smallOrMicro = sizes.filter((x) => x === 'small' || x === 'micro').length;
    expect(smallOrMicro / sizes.length).toBeGreaterThan(0.6);
    expect(sizes).toContain('medium');
    expect(sizes).not.toContain('unknown');
  });

  it('gives healthier subjects more revenue per asset on average', () => {
    const enterprises = SUBJECTS.filter(
      (s) => s.kind === 'enterprise' && s.size.totalAssetsFen > 0,
    );
    const turnover = (s: Subject) =>
      s.size.revenueFen / s.size.totalAssetsFen / s.profile.assetTurnover;
    const mean = (xs: readonly Subject[]) => xs.reduce((a, s) => a + turnover(s), 0) / xs.length;
    const poor = enterprises.filter((s) => s.hidden.management < 0.3);
    const good = enterprises.filter((s) => s.hidden.management > 0.7);
    expect(mean(good)).toBeGreaterThan(mean(poor));
  });
});

describe('annual reports (企业年报)', () => {
  const window = { firstYear: 2021, asOfDay: AS_OF_DAY };
  const plans = SUBJECTS.filter((s) => s.kind !== 'farmer').map((s) => ({
    subject: s,
    plan: annualReportsOf(
      streamFor(SEED, STREAM.annualReports, 50_000_000 + s.index),
      s,
      window,
      0.3,
    ),
  }));
  const reports = plans.flatMap((p) => p.plan.reports.map((r) => ({ ...r, subject: p.subject })));

  it('files each year in the next year, most by 30 June, some late, some never', () => {
    for (const r of reports) {
      expect(r.filingDay).toBeGreaterThanOrEqual(
        isoDateToEpochDay(`${String(r.reportYear + 1)}-01-01`),
      );
      expect(r.filingDay).toBeLessThanOrEqual(AS_OF_DAY);
      const late = r.filingDay > isoDateToEpochDay(`${String(r.reportYear + 1)}-06-30`);
      expect(late).toBe(r.isLate);
    }
    const late = reports.filter((r) => r.isLate).length;
    expect(late / reports.length).toBeGreaterThan(0.05);
    expect(late / reports.length).toBeLessThan(0.3);
    expect(plans.some((p) => p.plan.missingYears.length > 0)).toBe(true);
    expect(reports.every((r) => r.reportYear >= 2021 && r.reportYear <= 2024)).toBe(true);
  });

  it('has 个体户 filing on paper or keeping figures private, and a few zero or implausible values', () => {
    const shops = reports.filter((r) => r.subject.kind === 'individual_business');
    expect(shops.some((r) => r.isPaper)).toBe(true);
    expect(shops.some((r) => !r.isPublic && r.revenueFen === null)).toBe(true);
    expect(reports.filter((r) => r.subject.kind === 'enterprise').every((r) => r.isPublic)).toBe(
      true,
    );
    expect(reports.some((r) => r.valueDefect === 'zero_value' && r.revenueFen === 0)).toBe(true);
    const implausible = reports.filter((r) => r.valueDefect === 'implausible_value');
    expect(implausible.length).toBeGreaterThan(0);
    expect(implausible.length / reports.length).toBeLessThan(0.03);
  });

  it('states the subject’s own size in the base year within noise', () => {
    const honest = reports.filter(
      (r) => r.reportYear === 2024 && r.valueDefect === null && r.isPublic,
    );
    for (const r of honest) {
      expect(r.employees).toBe(r.subject.size.employees);
      expect(r.revenueFen ?? 0).toBeGreaterThanOrEqual(r.subject.size.revenueFen * 0.9);
      expect(r.revenueFen ?? 0).toBeLessThanOrEqual(r.subject.size.revenueFen * 1.1 + 10_000);
    }
    expect(honest.length).toBeGreaterThan(100);
  });
});
