// The partner banks' drops as a source, declared once: its raw tables, where its inbox is and how
// it lands a window (landBankDrops). The pipelines register it by this one definition.
import type { RawTableDefinition, SourceDefinition } from '@sg/source-contract';
import { assertInboxExists, inboxDirFromEnvironment } from '@sg/source-contract';
import { BANK_ENTITIES } from './extract.ts';
import { BANK_SOURCE, landBankDrops } from './land.ts';
import { RECORD_ENTITIES, RECORD_LAYOUTS } from './record-layouts.ts';
import { recordColumns } from './record-staging.ts';
import { BANK_TRANSACTION_COLUMNS } from './type-mapping.ts';

const INBOX = {
  variable: 'SG_BANK_INBOX_DIR',
  local: ['bank', 'inbox'],
  title: '银行文件投递目录',
} as const;

export interface BankSourceConfig {
  /** The folder the banks' drops are delivered into, one folder per delivery. */
  readonly inboxDir: string;
}

/** The raw tables `landBankDrops` writes: the record entities, then the statements' transactions. */
export const BANK_RAW_TABLES: readonly RawTableDefinition[] = [
  ...RECORD_ENTITIES.map((entity) => ({
    entity,
    title: RECORD_LAYOUTS[entity].title,
    description: RECORD_LAYOUTS[entity].description,
    columns: recordColumns(entity),
  })),
  {
    entity: 'transactions',
    title: '银行流水（银行文件原始落地）',
    description:
      'One row per account transaction (bank and transaction key) per landing window, from the ' +
      'statement files of every layout in the banks’ drops; amounts in fen, times in UTC.',
    columns: [...BANK_TRANSACTION_COLUMNS],
  },
];

/**
 * Every complete drop of the bank inbox (SG_BANK_INBOX_DIR; locally `$SG_DATA_DIR/bank/inbox`),
 * landed as one window into `raw_bank.<entity>`. Landed drops stay in the inbox, so re-running a
 * window lands the same rows.
 */
export const bankSource: SourceDefinition<BankSourceConfig> = {
  name: BANK_SOURCE,
  title: '银行文件',
  partitioning: 'window',
  rawTables: BANK_RAW_TABLES,
  configFromEnvironment: (environment) => ({
    inboxDir: inboxDirFromEnvironment(environment, INBOX),
  }),
  async land(lake, { inboxDir }, { window }) {
    await assertInboxExists(inboxDir, INBOX.title);
    const result = await landBankDrops(lake, { inboxDir, window });
    return {
      landings: BANK_ENTITIES.map((entity) => ({
        entity,
        window,
        result: result.entities[entity],
      })),
      details: {
        dropIds: result.dropIds,
        fileCount: result.files.length,
        unlistedFiles: result.unlistedFiles,
        collapsedDuplicates: Object.fromEntries(
          BANK_ENTITIES.map((entity) => [entity, result.entities[entity].collapsedDuplicates]),
        ),
      },
      note: `${String(result.dropIds.length)} 个投递批次，${String(result.files.length)} 个文件`,
      refused: null,
    };
  },
};
