/**
 * The legacy guarantee business system's schema, the way such systems are really built: VARCHAR
 * codes and ids, DECIMAL(18,2) amounts in yuan, DATETIME stamps in Beijing local time (no zone),
 * an indexed `updated_at` where the system keeps one, no foreign keys. One declaration, rendered
 * as DDL for PostgreSQL and for MariaDB. Table names are the world's file names
 * (simulators/world/WORLD_SYSTEM.md, sources/business/).
 */

export type LegacyDialect = 'postgres' | 'mariadb';

/**
 * How a column is stored in the legacy database:
 * - `varchar` text of at most `length` characters;
 * - `integer` a whole number;
 * - `money_yuan` DECIMAL(18,2) yuan, filled from the world's integer fen field `worldField`;
 * - `decimal` DECIMAL(precision, scale);
 * - `date` a calendar date;
 * - `datetime` a Beijing-local timestamp without zone (DATETIME / TIMESTAMP WITHOUT TIME ZONE).
 */
export type LegacyColumnKind =
  'varchar' | 'integer' | 'money_yuan' | 'decimal' | 'date' | 'datetime';

export interface LegacyColumn {
  /** Column name in the legacy database. */
  readonly name: string;
  /** Field of the world's NDJSON record that fills it (default: `name`). */
  readonly worldField?: string;
  readonly kind: LegacyColumnKind;
  /** varchar length, decimal precision. */
  readonly length?: number;
  /** decimal scale. */
  readonly scale?: number;
  readonly nullable?: boolean;
}

export interface LegacyTable {
  readonly name: string;
  /** Single-column primary key. */
  readonly key: string;
  readonly columns: readonly LegacyColumn[];
  /** The system maintains `updated_at` on this table (indexed; the connector's watermark). */
  readonly hasUpdatedAt: boolean;
}

const id = (name: string, nullable = false): LegacyColumn => ({
  name,
  kind: 'varchar',
  length: 32,
  nullable,
});
const text = (name: string, length: number): LegacyColumn => ({
  name,
  kind: 'varchar',
  length,
  nullable: true,
});
const yuan = (name: string, worldField: string): LegacyColumn => ({
  name,
  worldField,
  kind: 'money_yuan',
  nullable: true,
});
const datetime = (name: string): LegacyColumn => ({ name, kind: 'datetime', nullable: true });
const date = (name: string): LegacyColumn => ({ name, kind: 'date', nullable: true });
const integer = (name: string): LegacyColumn => ({ name, kind: 'integer', nullable: true });
const UPDATED_AT: LegacyColumn = { name: 'updated_at', kind: 'datetime', nullable: false };

function table(name: string, columns: LegacyColumn[], hasUpdatedAt: boolean): LegacyTable {
  const [key] = columns;
  if (key === undefined) throw new Error(`table ${name} has no columns`);
  return {
    name,
    key: key.name,
    columns: hasUpdatedAt ? [...columns, UPDATED_AT] : columns,
    hasUpdatedAt,
  };
}

/** Every table of the legacy system, in load order. */
export const LEGACY_TABLES: readonly LegacyTable[] = [
  table(
    't_bank_partner',
    [
      id('partner_id'),
      text('bank_code', 16),
      text('bank_name', 100),
      { name: 'risk_share_pct', kind: 'decimal', length: 5, scale: 2, nullable: true },
    ],
    false,
  ),
  table(
    'sys_dict',
    [
      { name: 'dict_id', kind: 'varchar', length: 64 },
      text('dict_type', 32),
      text('code', 32),
      text('label', 100),
    ],
    false,
  ),
  table(
    'sys_org_unit',
    [id('org_id'), text('org_name', 100), text('org_type', 16), id('parent_org_id', true)],
    false,
  ),
  table(
    'sys_user',
    [id('user_id'), text('user_name', 50), id('org_id', true), text('role', 32)],
    false,
  ),
  table(
    't_product',
    [
      id('product_code'),
      text('product_name', 100),
      text('product_type', 16),
      text('risk_weight_class', 32),
      integer('is_agricultural'),
      integer('is_small_micro_agri'),
      integer('is_policy'),
    ],
    false,
  ),
  table(
    't_customer',
    [
      id('customer_id'),
      text('customer_type', 20),
      text('customer_name', 200),
      text('uscc', 32),
      text('id_number', 32),
      text('region_code', 12),
      text('industry_code', 8),
      text('phone', 32),
      text('address', 300),
      datetime('created_at'),
    ],
    true,
  ),
  table(
    't_application',
    [
      id('application_id'),
      id('customer_id', true),
      datetime('applied_at'),
      yuan('amount', 'amount_fen'),
      integer('term_months'),
      text('purpose', 500),
      text('channel', 32),
      text('status', 16),
    ],
    true,
  ),
  table(
    't_project',
    [
      id('project_id'),
      id('application_id', true),
      text('officer_name', 50),
      id('officer_user_id', true),
      datetime('investigated_at'),
      datetime('approved_at'),
      yuan('approved_amount', 'approved_amount_fen'),
      text('decision', 16),
    ],
    true,
  ),
  table(
    't_approval_log',
    [
      id('log_id'),
      id('project_id', true),
      text('step', 32),
      id('user_id', true),
      text('opinion', 16),
      integer('meeting_no'),
      datetime('acted_at'),
    ],
    false,
  ),
  table(
    't_guarantee_contract',
    [
      id('contract_no'),
      id('project_id', true),
      id('partner_id', true),
      yuan('guaranteed_amount', 'guaranteed_amount_fen'),
      date('start_date'),
      date('end_date'),
      integer('fee_rate_bp'),
      id('product_code', true),
      text('repayment_type', 32),
      id('renews_contract_no', true),
      text('bank_contract_no', 64),
      text('status', 16),
      text('letter_of_guarantee_no', 64),
      text('guarantee_period', 64),
      date('guarantee_period_end'),
      id('credit_line_id', true),
    ],
    true,
  ),
  table(
    't_counter_guarantee',
    [
      id('counter_id'),
      id('contract_no', true),
      text('kind', 16),
      text('guarantor_name', 200),
      text('guarantor_uscc', 32),
      text('guarantor_id_number', 32),
      text('collateral_desc', 500),
      yuan('assessed_value', 'value_fen'),
      text('counter_contract_no', 64),
      date('valid_from'),
      date('valid_to'),
    ],
    true,
  ),
  table(
    't_fee',
    [
      id('fee_id'),
      id('contract_no', true),
      text('fee_type', 16),
      yuan('amount', 'amount_fen'),
      datetime('charged_at'),
    ],
    false,
  ),
  table(
    't_loan',
    [
      id('loan_id'),
      id('contract_no', true),
      text('bank_loan_no', 64),
      datetime('disbursed_at'),
      yuan('principal', 'principal_fen'),
      date('maturity_date'),
    ],
    true,
  ),
  table(
    't_repayment',
    [
      id('repayment_id'),
      id('loan_id', true),
      datetime('paid_at'),
      yuan('principal', 'principal_fen'),
      yuan('interest', 'interest_fen'),
    ],
    true,
  ),
  table(
    't_post_check',
    [
      id('check_id'),
      id('contract_no', true),
      datetime('checked_at'),
      text('officer_name', 50),
      id('officer_user_id', true),
      text('finding', 1000),
    ],
    true,
  ),
  table(
    't_risk_class',
    [id('class_id'), id('contract_no', true), datetime('classified_at'), text('risk_class', 8)],
    false,
  ),
  table(
    't_compensation',
    [
      id('compensation_id'),
      id('contract_no', true),
      datetime('compensated_at'),
      yuan('amount', 'amount_fen'),
    ],
    false,
  ),
  table(
    't_recovery',
    [
      id('recovery_id'),
      id('compensation_id', true),
      datetime('recovered_at'),
      yuan('amount', 'amount_fen'),
      text('method', 32),
    ],
    false,
  ),
  table(
    't_release',
    [id('release_id'), id('contract_no', true), datetime('released_at'), text('reason', 200)],
    false,
  ),
  table(
    't_risk_share',
    [
      id('share_id'),
      id('contract_no', true),
      text('party_type', 16),
      text('party_name', 100),
      { name: 'share_pct', kind: 'decimal', length: 5, scale: 2, nullable: true },
      yuan('cap_amount', 'cap_fen'),
    ],
    false,
  ),
  table(
    't_collateral_registration',
    [
      id('registration_id'),
      id('counter_id', true),
      text('registry', 50),
      text('certificate_no', 64),
      datetime('registered_at'),
    ],
    false,
  ),
  table(
    't_compensation_claim',
    [
      id('claim_id'),
      id('contract_no', true),
      datetime('notified_at'),
      yuan('claimed_amount', 'claimed_amount_fen'),
      id('compensation_id', true),
    ],
    false,
  ),
  table(
    't_write_off',
    [
      id('write_off_id'),
      id('compensation_id', true),
      datetime('written_off_at'),
      yuan('amount', 'amount_fen'),
    ],
    false,
  ),
  table(
    't_deposit_refund',
    [
      id('refund_id'),
      id('contract_no', true),
      datetime('refunded_at'),
      yuan('amount', 'amount_fen'),
    ],
    false,
  ),
  table(
    't_credit_report_guarantee',
    [
      id('record_id'),
      id('application_id', true),
      id('customer_id', true),
      date('report_date'),
      text('guarantee_contract_no', 64),
      text('creditor_name', 100),
      text('borrower_name', 200),
      text('borrower_uscc', 32),
      yuan('guaranteed_amount', 'guaranteed_amount_fen'),
      date('start_date'),
      date('end_date'),
    ],
    false,
  ),
  table(
    't_bank_credit_line',
    [
      id('line_id'),
      id('partner_id', true),
      yuan('line_amount', 'line_amount_fen'),
      yuan('used_amount', 'used_amount_fen'),
      date('start_date'),
      date('end_date'),
      text('status', 16),
    ],
    true,
  ),
  table(
    't_customer_credit_line',
    [
      id('line_id'),
      id('customer_id', true),
      yuan('line_amount', 'line_amount_fen'),
      integer('is_revolving'),
      date('start_date'),
      date('end_date'),
      text('status', 16),
    ],
    true,
  ),
  table(
    't_related_party',
    [
      id('relation_id'),
      id('customer_id', true),
      text('relation_type', 32),
      text('party_name', 200),
      text('party_id_number', 32),
      text('party_uscc', 32),
    ],
    true,
  ),
];

export function findLegacyTable(name: string): LegacyTable {
  const found = LEGACY_TABLES.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`unknown legacy table ${name}`);
  return found;
}

/** Quotes an identifier for the dialect (names here are fixed snake_case, quoting is defensive). */
export function quoteIdentifier(dialect: LegacyDialect, name: string): string {
  return dialect === 'postgres'
    ? `"${name.replaceAll('"', '""')}"`
    : `\`${name.replaceAll('`', '``')}\``;
}

export function columnTypeSql(dialect: LegacyDialect, column: LegacyColumn): string {
  switch (column.kind) {
    case 'varchar':
      return `VARCHAR(${column.length ?? 255})`;
    case 'integer':
      return dialect === 'postgres' ? 'INTEGER' : 'INT';
    case 'money_yuan':
      return 'DECIMAL(18,2)';
    case 'decimal':
      return `DECIMAL(${column.length ?? 18},${column.scale ?? 2})`;
    case 'date':
      return 'DATE';
    case 'datetime':
      return dialect === 'postgres' ? 'TIMESTAMP(0) WITHOUT TIME ZONE' : 'DATETIME';
  }
}

/** CREATE TABLE (+ the updated_at index) statements for one table. */
export function tableDdl(dialect: LegacyDialect, legacyTable: LegacyTable): string[] {
  const q = (name: string): string => quoteIdentifier(dialect, name);
  const columns = legacyTable.columns.map(
    (column) =>
      `${q(column.name)} ${columnTypeSql(dialect, column)}${column.nullable === true ? '' : ' NOT NULL'}`,
  );
  const suffix = dialect === 'mariadb' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : '';
  const statements = [
    `CREATE TABLE ${q(legacyTable.name)} (${[...columns, `PRIMARY KEY (${q(legacyTable.key)})`].join(', ')})${suffix}`,
  ];
  if (legacyTable.hasUpdatedAt) {
    statements.push(
      `CREATE INDEX ${q(`ix_${legacyTable.name}_updated_at`)} ON ${q(legacyTable.name)} (${q('updated_at')})`,
    );
  }
  return statements;
}

/** The whole schema's DDL for a dialect, in load order. */
export function legacySchemaDdl(dialect: LegacyDialect): string[] {
  return LEGACY_TABLES.flatMap((legacyTable) => tableDdl(dialect, legacyTable));
}
