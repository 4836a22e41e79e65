// The guarantee company's own finance system as a source, declared once: its raw tables
// (partitioned by accounting month), where its inbox is and how it lands (landFinanceInbox). The
// pipelines register it by this one definition.
import type { RawTableDefinition, SourceDefinition } from '@sg/source-contract';
import { assertInboxExists, inboxDirFromEnvironment, periodInboxReport } from '@sg/source-contract';
import { FINANCE_DROP_REFUSED } from './finance-errors.ts';
import { FINANCE_SOURCE, landFinanceInbox } from './land.ts';
import type { FinanceDropLanding } from './land.ts';
import { FINANCE_COLUMNS } from './type-mapping.ts';

/** Per raw table, the quarantined rows that are no line of the books (for reconciliation). */
function exportOnlyRowsOf(landed: readonly FinanceDropLanding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of landed.flatMap((drop) => drop.entities)) {
    counts[entity.entity] = (counts[entity.entity] ?? 0) + entity.exportOnlyRows;
  }
  return counts;
}

const INBOX = {
  variable: 'SG_FINANCE_INBOX_DIR',
  local: ['finance', 'inbox'],
  title: '财务月报投递目录',
} as const;

export interface FinanceSourceConfig {
  /** The folder the finance department delivers the month-end exports into (`<yyyy-mm>_<nn>/`). */
  readonly inboxDir: string;
}

export const FINANCE_RAW_TABLES: readonly RawTableDefinition[] = [
  {
    entity: 'balance_sheet_items',
    title: '资产负债表项目（公司财务月报原始落地）',
    description:
      'One row per balance sheet line (account code) per month-end, from the latest issue of ' +
      "that month's finance export (window = period; a correction replaces the month); closing " +
      'and year-opening balances in fen, asset class I/II/III per the asset-ratio rules; totals ' +
      '(ZC, FZ, QY = 净资产, FZQY) included and verified.',
    columns: [...FINANCE_COLUMNS.balance_sheet_items],
  },
  {
    entity: 'income_statement_items',
    title: '利润表项目（公司财务月报原始落地）',
    description:
      'One row per income statement line per month, from the latest issue of that month ' +
      '(window = period); the month and the year to date in fen.',
    columns: [...FINANCE_COLUMNS.income_statement_items],
  },
  {
    entity: 'supplementary_items',
    title: '补充资料（准备金计提基数、股权投资、担保业务；公司财务月报原始落地）',
    description:
      'One row per supplementary line per month-end (in-force balance, year-to-date fees and ' +
      'compensations, reserve bases, capital by owner, each equity stake in another guarantee ' +
      'company), from the latest issue of that month (window = period); amounts in fen or counts.',
    columns: [...FINANCE_COLUMNS.supplementary_items],
  },
];

/**
 * Every month of the finance inbox (SG_FINANCE_INBOX_DIR; locally `$SG_DATA_DIR/finance/inbox`):
 * its latest issue, window = the month. A refused drop fails the landing for good after the
 * other months landed, naming each refused drop.
 */
export const financeSource: SourceDefinition<FinanceSourceConfig> = {
  name: FINANCE_SOURCE,
  title: '公司财务',
  partitioning: 'period',
  rawTables: FINANCE_RAW_TABLES,
  configFromEnvironment: (environment) => ({
    inboxDir: inboxDirFromEnvironment(environment, INBOX),
  }),
  async land(lake, { inboxDir }, { signal, onProgress }) {
    await assertInboxExists(inboxDir, INBOX.title);
    const result = await landFinanceInbox(lake, inboxDir, {
      ...(signal === undefined ? {} : { signal }),
      ...(onProgress === undefined ? {} : { onLanded: onProgress }),
    });
    return periodInboxReport(result, {
      source: FINANCE_SOURCE,
      periodTitle: '会计月',
      periodWord: 'month',
      refusedType: FINANCE_DROP_REFUSED,
      details: { exportOnlyRows: exportOnlyRowsOf(result.landed) },
    });
  },
};
