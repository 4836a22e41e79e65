// The tax bureau's monthly drops as a source, declared once: its raw tables (partitioned by tax
// period), where its inbox is and how it lands (landTaxInbox). The pipelines register it by this
// one definition.
import type { RawTableDefinition, SourceDefinition } from '@sg/source-contract';
import { assertInboxExists, inboxDirFromEnvironment, periodInboxReport } from '@sg/source-contract';
import { TAX_SOURCE } from './land-drop.ts';
import { landTaxInbox } from './land-inbox.ts';
import { TAX_DROP_REFUSED } from './tax-file-error.ts';
import { taxFileColumnSpecs } from './type-mapping.ts';

const INBOX = {
  variable: 'SG_TAX_INBOX_DIR',
  local: ['tax', 'inbox'],
  title: '税务月度文件投递目录',
} as const;

export interface TaxSourceConfig {
  /** The folder the exchange delivers the monthly drops into (`<period>_<seq>/`). */
  readonly inboxDir: string;
}

export const TAX_RAW_TABLES: readonly RawTableDefinition[] = [
  {
    entity: 'vat_invoices',
    title: '增值税发票（税务月度文件原始落地）',
    description:
      'One row per VAT invoice per tax period, from the monthly file drop of that period ' +
      '(window = period; a corrected drop replaces the period); amounts in fen.',
    columns: taxFileColumnSpecs('vat_invoices'),
  },
  {
    entity: 'tax_payments',
    title: '税款缴纳（税务月度文件原始落地）',
    description:
      'One row per tax payment (taxpayer, period, tax type) per tax period, from the monthly ' +
      'file drop of that period (window = period).',
    columns: taxFileColumnSpecs('tax_payments'),
  },
];

/**
 * Every complete monthly drop of the tax inbox (SG_TAX_INBOX_DIR; locally
 * `$SG_DATA_DIR/tax/inbox`): per period its latest sequence, window = the period. A refused drop
 * fails the landing for good after the other periods landed, naming each refused drop.
 */
export const taxSource: SourceDefinition<TaxSourceConfig> = {
  name: TAX_SOURCE,
  title: '税务文件',
  partitioning: 'period',
  rawTables: TAX_RAW_TABLES,
  configFromEnvironment: (environment) => ({
    inboxDir: inboxDirFromEnvironment(environment, INBOX),
  }),
  async land(lake, { inboxDir }, { signal, onProgress }) {
    await assertInboxExists(inboxDir, INBOX.title);
    const result = await landTaxInbox(lake, inboxDir, {
      ...(signal === undefined ? {} : { signal }),
      ...(onProgress === undefined ? {} : { onLanded: onProgress }),
    });
    return periodInboxReport(result, {
      source: TAX_SOURCE,
      periodTitle: '所属期',
      periodWord: 'period',
      refusedType: TAX_DROP_REFUSED,
      periodDetails: (drop) => ({
        driftNotices: drop.entities.reduce((sum, entity) => sum + entity.drift.length, 0),
      }),
    });
  },
};
