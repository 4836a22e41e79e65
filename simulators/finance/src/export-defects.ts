/**
 * What goes wrong in the finance system's month-end exports, as real ones do, planned from the
 * list of months alone (so the same world always gets the same defects):
 * - a late restatement: one month is issued, then re-issued weeks later as sequence 2 (更正)
 *   because 其他应付款 was booked 123,456.78 元 too high in the first issue (its totals follow);
 * - a subtotal row: one month's 资产负债表 carries a `流动资产小计` line with no account code;
 * - a text in an amount cell: one month's 补充资料 says `见附表` instead of the in-force count.
 * Every balance sheet also has section headings, blank lines between sections and a signature
 * line under the table, which a reader skips.
 */

export interface ExportDefects {
  /** The month issued twice; its first issue is wrong by `restatementDeltaFen`. */
  readonly restatedPeriod: string | null;
  readonly restatementDeltaFen: number;
  readonly subtotalRowPeriod: string | null;
  readonly textAmountPeriod: string | null;
}

export const NO_DEFECTS: ExportDefects = {
  restatedPeriod: null,
  restatementDeltaFen: 0,
  subtotalRowPeriod: null,
  textAmountPeriod: null,
};

/** The defects of a history: the third-last month restated, the 2nd and 4th months damaged. */
export function planExportDefects(periods: readonly string[]): ExportDefects {
  return {
    restatedPeriod: periods.at(-3) ?? null,
    restatementDeltaFen: 12_345_678,
    subtotalRowPeriod: periods[1] ?? null,
    textAmountPeriod: periods[3] ?? null,
  };
}

/** The account codes whose closing balance the wrong first issue shifts (the totals follow). */
export const RESTATED_CODES: readonly string[] = ['2241', 'FZ', '1002', 'ZC', 'FZQY'];
