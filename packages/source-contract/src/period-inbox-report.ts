// The landing report of a source that delivers one drop per period into an inbox (the tax
// bureau's monthly files, the finance system's month-end exports): each landed drop's raw tables
// in its period's window, the drops superseded, incomplete or refused, and — when drops were
// refused while the other periods landed — the failure that makes the landing fail for good.
import type { LandingResult } from '@sg/lake';
import type { JsonValue, SourceLandingReport } from './source-definition.ts';

export interface LandedPeriodDrop {
  readonly period: string;
  readonly sequence: number;
  readonly drop: string;
  readonly entities: readonly { readonly entity: string; readonly landing: LandingResult }[];
}

export interface RefusedPeriodDrop {
  readonly drop: string;
  readonly kind: string;
  readonly message: string;
}

export interface PeriodInboxLanding<D extends LandedPeriodDrop> {
  readonly landed: readonly D[];
  readonly superseded: readonly string[];
  readonly incomplete: readonly string[];
  readonly refused: readonly RefusedPeriodDrop[];
}

export interface PeriodInboxReportOptions<D extends LandedPeriodDrop> {
  /** The source's name in the failure message, e.g. `tax`. */
  readonly source: string;
  /** The period in Chinese for the note (`所属期`, `会计月`) and in English for the failure. */
  readonly periodTitle: string;
  readonly periodWord: string;
  /** The failure type when drops were refused, e.g. `TaxDropRefused`. */
  readonly refusedType: string;
  /** What the source adds to each period's entry in the details (e.g. drift notices). */
  readonly periodDetails?: (drop: D) => Readonly<Record<string, JsonValue>>;
  /** What the source adds to the details. */
  readonly details?: Readonly<Record<string, JsonValue>>;
}

export function periodInboxReport<D extends LandedPeriodDrop>(
  result: PeriodInboxLanding<D>,
  options: PeriodInboxReportOptions<D>,
): SourceLandingReport {
  const periods = result.landed.map((drop) => drop.period);
  const range = periods.length === 0 ? '' : `：${periods[0] ?? ''}…${periods.at(-1) ?? ''}`;
  const { refused } = result;
  return {
    landings: result.landed.flatMap((drop) =>
      drop.entities.map((entity) => ({
        entity: entity.entity,
        window: drop.period,
        result: entity.landing,
      })),
    ),
    details: {
      periods: result.landed.map((drop) => ({
        period: drop.period,
        sequence: drop.sequence,
        drop: drop.drop,
        ...options.periodDetails?.(drop),
      })),
      ...options.details,
      supersededDrops: [...result.superseded],
      incompleteDrops: [...result.incomplete],
      refusedDrops: refused.map((r) => ({ drop: r.drop, kind: r.kind, message: r.message })),
    },
    note: `${String(periods.length)} 个${options.periodTitle}${range}`,
    refused:
      refused.length === 0
        ? null
        : {
            type: options.refusedType,
            message:
              `${options.source} inbox: ${String(refused.length)} drop(s) refused, ` +
              `${String(periods.length)} ${options.periodWord}(s) landed: ` +
              refused.map((r) => `${r.drop}: ${r.message} (${r.kind})`).join('; '),
          },
  };
}
