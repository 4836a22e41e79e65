// What the finance system delivers, checked at the boundary: the drop manifest beside each
// workbook, and each statement line once its cells are read (before it becomes a raw record).
import { z } from 'zod';

export const FINANCE_DROP_FORMAT = 'sg-finance-drop/1';

/** `manifest.json` of a drop folder `<yyyy-mm>_<nn>/`, written last by the finance system. */
export const dropManifestSchema = z.object({
  format: z.literal(FINANCE_DROP_FORMAT),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  sequence: z.number().int().min(1),
  issuedOn: z.iso.date(),
  reason: z.string().min(1),
  file: z.string().regex(/^[^/\\]+\.xlsx$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DropManifest = z.infer<typeof dropManifestSchema>;

const itemCode = z.string().regex(/^[0-9A-Z]{2,12}$/, '科目编码应为 2–12 位数字或大写字母');
const itemName = z.string().min(1);

export const balanceSheetLineSchema = z.object({
  item_code: itemCode,
  item_name: itemName,
  section: z.enum(['asset', 'liability', 'equity']),
  asset_class: z.enum(['I', 'II', 'III']).nullable(),
  is_total: z.boolean(),
  closing_fen: z.number().int(),
  year_opening_fen: z.number().int(),
});
export type BalanceSheetLine = z.infer<typeof balanceSheetLineSchema>;

export const incomeStatementLineSchema = z.object({
  item_code: itemCode,
  item_name: itemName,
  is_total: z.boolean(),
  month_fen: z.number().int(),
  year_to_date_fen: z.number().int(),
});
export type IncomeStatementLine = z.infer<typeof incomeStatementLineSchema>;

export const supplementaryLineSchema = z
  .object({
    item_code: itemCode,
    item_name: itemName,
    unit: z.enum(['元', '笔']),
    amount_fen: z.number().int().nullable(),
    count: z.number().int().nonnegative().nullable(),
  })
  .refine((line) => (line.unit === '元') === (line.amount_fen !== null), {
    message: '单位为“元”的行须有金额，单位为“笔”的行须有笔数',
  });
export type SupplementaryLine = z.infer<typeof supplementaryLineSchema>;
