/**
 * The three partner banks. Each exports statements in its own layout (WORLD_SYSTEM.md,
 * sources/bank); the legacy business system knows them under its own short names.
 */

export type StatementLayout = 'layout_a_csv_utf8' | 'layout_b_csv_gbk' | 'layout_c_xlsx_titled';

export interface Bank {
  readonly bankCode: string;
  readonly bankName: string;
  readonly statementLayout: StatementLayout;
  /** Digits that start every account number of this bank. */
  readonly accountPrefix: string;
  /** How the legacy business system names the bank (a source disagreement). */
  readonly legacyName: string;
  readonly partnerId: string;
  /** Share of a compensation the bank bears (risk sharing), percent. */
  readonly riskSharePct: number;
  /** Relative share of guaranteed loans. */
  readonly weight: number;
}

export const BANKS: readonly Bank[] = [
  {
    bankCode: 'NXBANK',
    bankName: '宁夏银行股份有限公司',
    statementLayout: 'layout_a_csv_utf8',
    accountPrefix: '6401',
    legacyName: '宁夏银行',
    partnerId: 'BP01',
    riskSharePct: 20,
    weight: 45,
  },
  {
    bankCode: 'HHRCB',
    bankName: '宁夏黄河农村商业银行股份有限公司',
    statementLayout: 'layout_b_csv_gbk',
    accountPrefix: '6402',
    legacyName: '黄河农商行',
    partnerId: 'BP02',
    riskSharePct: 10,
    weight: 35,
  },
  {
    bankCode: 'ABCNX',
    bankName: '中国农业银行股份有限公司宁夏回族自治区分行',
    statementLayout: 'layout_c_xlsx_titled',
    accountPrefix: '6403',
    legacyName: '农行宁夏分行',
    partnerId: 'BP03',
    riskSharePct: 0,
    weight: 20,
  },
];

/** The bank a subject keeps its main account with (stable per subject index). */
export function homeBankOf(subjectIndex: number): Bank {
  const bank = BANKS[(subjectIndex * 7 + 3) % BANKS.length];
  if (bank === undefined) throw new Error('no banks configured');
  return bank;
}

/** Main account number of a subject: bank prefix + zero-padded index + account ordinal. */
export function accountNoOf(subjectIndex: number, ordinal: number, bank: Bank): string {
  return `${bank.accountPrefix}${String(subjectIndex + 1).padStart(10, '0')}${String(ordinal).padStart(2, '0')}`;
}
