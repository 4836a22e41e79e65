/**
 * The balance sheet adds up: each section's 合计 equals the sum of that section's detail lines,
 * 负债和所有者权益总计 equals 负债合计 + 所有者权益合计, and equals 资产总计 — for the closing and
 * the year-opening column alike. A sheet that does not is refused whole (a landing must not hold
 * half a ledger).
 */
import { FinanceFileError } from './finance-errors.ts';
import type { BalanceSheetLine } from './schemas.ts';

type Column = 'closing_fen' | 'year_opening_fen';

/** The differences found, in Chinese (empty when the sheet adds up). */
export function balanceSheetTotalErrors(lines: readonly BalanceSheetLine[]): string[] {
  const errors: string[] = [];
  const grand = lines.find((line) => line.is_total && line.item_name.includes('负债和所有者权益'));
  const sectionTotal = (section: BalanceSheetLine['section']): BalanceSheetLine | undefined =>
    lines.find((line) => line.is_total && line.section === section && line !== grand);
  for (const column of ['closing_fen', 'year_opening_fen'] as const satisfies readonly Column[]) {
    for (const section of ['asset', 'liability', 'equity'] as const) {
      const total = sectionTotal(section);
      if (total === undefined) {
        errors.push(`缺少${section}合计行`);
        continue;
      }
      const sum = lines
        .filter((line) => line.section === section && !line.is_total)
        .reduce((acc, line) => acc + line[column], 0);
      if (sum !== total[column]) {
        errors.push(
          `${total.item_name}（${column}）${String(total[column])} ≠ 明细合计 ${String(sum)}`,
        );
      }
    }
    const assets = sectionTotal('asset')?.[column];
    const liabilities = sectionTotal('liability')?.[column] ?? 0;
    const equity = sectionTotal('equity')?.[column] ?? 0;
    if (grand === undefined) errors.push('缺少负债和所有者权益总计行');
    else if (grand[column] !== liabilities + equity || grand[column] !== assets) {
      errors.push(
        `负债和所有者权益总计（${column}）${String(grand[column])} ≠ 负债合计 + 所有者权益合计或资产总计`,
      );
    }
  }
  return [...new Set(errors)];
}

export function verifyBalanceSheetTotals(lines: readonly BalanceSheetLine[], file: string): void {
  const errors = balanceSheetTotalErrors(lines);
  if (errors.length > 0)
    throw new FinanceFileError('totals_mismatch', `资产负债表不平：${errors.join('；')}`, file);
}
