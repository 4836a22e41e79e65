/**
 * The three world sizes (WORLD_SYSTEM.md, "Sizes and determinism") and the volume knobs that
 * follow from them. Everything else about the world is the same across sizes.
 */

export const WORLD_SIZES = ['tiny', 'demo', 'large'] as const;
export type WorldSize = (typeof WORLD_SIZES)[number];

export interface WorldScale {
  readonly subjectCount: number;
  readonly historyYears: number;
  /** Share of subjects that became customers of the guarantee company. */
  readonly customerShare: number;
  /** Mean bank transactions per account and month (besides loan events). */
  readonly transactionsPerMonth: number;
  /** Mean VAT invoices a seller issues per month. */
  readonly invoicesPerMonth: number;
}

export const WORLD_SCALES: Readonly<Record<WorldSize, WorldScale>> = {
  tiny: {
    subjectCount: 200,
    historyYears: 2,
    customerShare: 0.45,
    transactionsPerMonth: 2,
    invoicesPerMonth: 1,
  },
  demo: {
    subjectCount: 5_000,
    historyYears: 2,
    customerShare: 0.4,
    transactionsPerMonth: 6,
    invoicesPerMonth: 2,
  },
  large: {
    subjectCount: 100_000,
    historyYears: 5,
    customerShare: 0.35,
    transactionsPerMonth: 6,
    invoicesPerMonth: 2,
  },
};

export function isWorldSize(value: string): value is WorldSize {
  return (WORLD_SIZES as readonly string[]).includes(value);
}
