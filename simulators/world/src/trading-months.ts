/**
 * The months in which a subject trades, each with its last trading day and its sales: from the
 * month of `fromDay` (not before the world's history) to the month it closed in, or the world's
 * as-of. The tax invoices and the bank's everyday transactions walk the same months.
 */
import type { DefaultOutcome } from './default-outcomes.ts';
import { monthlySalesFen } from './monthly-activity.ts';
import { addMonths, monthStart } from './world-calendar.ts';
import type { SubjectView, WorldContext } from './world-context.ts';

export interface TradingMonth {
  /** First day of the month (epoch day). */
  readonly month: number;
  /** Last day of the month, or the closing day in the month it closed. */
  readonly lastDay: number;
  readonly salesFen: number;
}

export function* tradingMonths(
  context: WorldContext,
  view: SubjectView,
  fromDay: number,
  outcome: DefaultOutcome | undefined = view.outcome,
): Generator<TradingMonth> {
  const activeUntil = view.registration.closedDay ?? context.asOfDay;
  const first = monthStart(Math.max(context.historyStartDay, fromDay));
  for (let month = first; month <= activeUntil; month = addMonths(month, 1)) {
    yield {
      month,
      lastDay: Math.min(addMonths(month, 1) - 1, activeUntil),
      salesFen: monthlySalesFen(
        view.subject,
        context.seed,
        month,
        context.historyStartDay,
        context.asOfDay,
        outcome,
      ),
    };
  }
}
