/**
 * A subject's monthly sales (fen), shared by the tax invoices and the bank inflows so the two
 * sources tell the same story: size from registered capital, the industry downturn in the second
 * half of the history, and a slide in the months before a default (then a collapse after it).
 */
import { deriveSeed } from '@sg/simulator-kit';
import type { DefaultOutcome } from './default-outcomes.ts';
import type { Subject } from './subjects.ts';

export function baseMonthlySalesFen(subject: Subject): number {
  if (subject.kind === 'farmer') return 3_000_000 + (subject.index % 7) * 500_000;
  const capitalYuan = subject.registeredCapitalFen / 100;
  return Math.round(Math.max(20_000, Math.min(capitalYuan * 0.08, 30_000_000)) * 100);
}

export function monthlySalesFen(
  subject: Subject,
  seed: number,
  monthStartDay: number,
  historyStartDay: number,
  asOfDay: number,
  outcome: DefaultOutcome | undefined,
): number {
  const noise = deriveSeed(deriveSeed(seed, subject.index), monthStartDay) / 0x1_0000_0000;
  let factor = 0.7 + 0.6 * noise;
  const progress = (monthStartDay - historyStartDay) / Math.max(1, asOfDay - historyStartDay);
  if (progress > 0.5) factor *= 1 - 0.5 * subject.hidden.industryCycle * (progress - 0.5) * 2;
  if (outcome !== undefined) {
    const monthsBefore = (outcome.defaultDay - monthStartDay) / 30;
    if (monthsBefore < 0) factor *= 0.3;
    else if (monthsBefore < 9) factor *= 0.55 + 0.05 * monthsBefore;
  }
  return Math.round((baseMonthlySalesFen(subject) * factor) / 100) * 100;
}
