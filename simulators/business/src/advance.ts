/**
 * Time passes in the legacy system between two extractions: rows are updated (with a newer
 * `updated_at`), inserted and hard-deleted, one update commits late (its `updated_at` lies before
 * the time of the previous extraction), and the schema drifts (a column added, a column retyped).
 * Row choices come from a seeded PRNG over rows ordered by key: the same seed on the same data
 * makes the same changes. Returns exactly what changed, for tests to reconcile against.
 */
import { createSeededRandom } from '@sg/simulator-kit';
import type { SeededRandom } from '@sg/simulator-kit';
import type { LegacyDatabase } from './legacy-database.ts';
import { placeholder } from './legacy-database.ts';
import { quoteIdentifier } from './legacy-schema.ts';
import type { LegacyDialect } from './legacy-schema.ts';

export interface AdvanceOptions {
  readonly seed: number;
  /** Beijing-local time of the changes, 'YYYY-MM-DD HH:MM:SS'. */
  readonly changedAt: string;
  /**
   * Beijing-local `updated_at` of one late-committing update (a transaction that started before
   * the previous extraction and committed after it). Omit for no late commit.
   */
  readonly lateCommitAt?: string;
}

export type DriftChange = 'added' | 'retyped';

export interface AdvanceDrift {
  readonly table: string;
  readonly column: string;
  readonly change: DriftChange;
  /** The new legacy type. */
  readonly type: string;
}

export interface AdvanceReport {
  readonly changedAt: string;
  readonly updated: Record<string, string[]>;
  readonly inserted: Record<string, string[]>;
  readonly deleted: Record<string, string[]>;
  readonly lateCommitted: Record<string, string[]>;
  readonly drift: AdvanceDrift[];
}

const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The drift every advance applies (idempotent statements). */
export function driftStatements(dialect: LegacyDialect): { sql: string; drift: AdvanceDrift }[] {
  const q = (name: string): string => quoteIdentifier(dialect, name);
  return [
    {
      sql: `ALTER TABLE ${q('t_customer')} ADD COLUMN IF NOT EXISTS ${q('credit_rating')} VARCHAR(8)`,
      drift: { table: 't_customer', column: 'credit_rating', change: 'added', type: 'VARCHAR(8)' },
    },
    {
      sql:
        dialect === 'postgres'
          ? `ALTER TABLE ${q('t_application')} ALTER COLUMN ${q('term_months')} TYPE VARCHAR(8)`
          : `ALTER TABLE ${q('t_application')} MODIFY COLUMN ${q('term_months')} VARCHAR(8) NULL`,
      drift: {
        table: 't_application',
        column: 'term_months',
        change: 'retyped',
        type: 'VARCHAR(8)',
      },
    },
  ];
}

/** `count` distinct items, chosen by the PRNG (all of them when there are fewer). */
export function pickDistinct<T>(random: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    const [item] = pool.splice(random.int(0, pool.length - 1), 1);
    if (item !== undefined) picked.push(item);
  }
  return picked;
}

async function keysOf(db: LegacyDatabase, table: string, key: string): Promise<string[]> {
  const q = (name: string): string => quoteIdentifier(db.dialect, name);
  const rows = await db.queryText(`SELECT ${q(key)} AS k FROM ${q(table)} ORDER BY ${q(key)}`);
  return rows.map((row) => row['k'] ?? '').filter((value) => value !== '');
}

export async function advanceBusinessDatabase(
  db: LegacyDatabase,
  options: AdvanceOptions,
): Promise<AdvanceReport> {
  for (const time of [options.changedAt, options.lateCommitAt]) {
    if (time !== undefined && !DATETIME_TEXT.test(time)) {
      throw new RangeError(`时间格式应为 yyyy-MM-dd HH:mm:ss：${time}`);
    }
  }
  const random = createSeededRandom(options.seed);
  const q = (name: string): string => quoteIdentifier(db.dialect, name);
  const p = (n: number): string => placeholder(db.dialect, n);
  const at = options.changedAt;
  const stamp = at.replaceAll(/\D/g, '');

  const drift: AdvanceDrift[] = [];
  for (const statement of driftStatements(db.dialect)) {
    await db.execute(statement.sql);
    drift.push(statement.drift);
  }

  const customers = pickDistinct(random, await keysOf(db, 't_customer', 'customer_id'), 3);
  for (const [index, customerId] of customers.entries()) {
    await db.execute(
      `UPDATE ${q('t_customer')} SET ${q('phone')} = ${p(1)}, ${q('credit_rating')} = ${p(2)}, ` +
        `${q('updated_at')} = ${p(3)} WHERE ${q('customer_id')} = ${p(4)}`,
      [`1390951${String(index).padStart(4, '0')}`, 'AA', at, customerId],
    );
  }
  const contracts = pickDistinct(
    random,
    await keysOf(db, 't_guarantee_contract', 'contract_no'),
    2,
  );
  for (const contractNo of contracts) {
    await db.execute(
      `UPDATE ${q('t_guarantee_contract')} SET ${q('status')} = ${p(1)}, ${q('updated_at')} = ${p(2)} ` +
        `WHERE ${q('contract_no')} = ${p(3)}`,
      ['解保', at, contractNo],
    );
  }

  const applications = await keysOf(db, 't_application', 'application_id');
  const lateCommitted: Record<string, string[]> = {};
  if (options.lateCommitAt !== undefined) {
    const [late] = pickDistinct(random, applications, 1);
    if (late !== undefined) {
      await db.execute(
        `UPDATE ${q('t_application')} SET ${q('status')} = ${p(1)}, ${q('updated_at')} = ${p(2)} ` +
          `WHERE ${q('application_id')} = ${p(3)}`,
        ['已撤回', options.lateCommitAt, late],
      );
      lateCommitted['t_application'] = [late];
    }
  }

  const [customerId = null] = customers;
  const newApplications = [1, 2].map((n) => `ADV${stamp}-${n}`);
  for (const applicationId of newApplications) {
    await db.execute(
      `INSERT INTO ${q('t_application')} (${['application_id', 'customer_id', 'applied_at', 'amount', 'term_months', 'purpose', 'channel', 'status', 'updated_at'].map(q).join(', ')}) ` +
        `VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(p).join(', ')})`,
      [applicationId, customerId, at, '1500000.05', '12', '流动资金周转', '线下', '受理', at],
    );
  }

  const checks = pickDistinct(random, await keysOf(db, 't_post_check', 'check_id'), 2);
  const fees = pickDistinct(random, await keysOf(db, 't_fee', 'fee_id'), 1);
  for (const checkId of checks) {
    await db.execute(`DELETE FROM ${q('t_post_check')} WHERE ${q('check_id')} = ${p(1)}`, [
      checkId,
    ]);
  }
  for (const feeId of fees) {
    await db.execute(`DELETE FROM ${q('t_fee')} WHERE ${q('fee_id')} = ${p(1)}`, [feeId]);
  }

  return {
    changedAt: at,
    updated: { t_customer: customers, t_guarantee_contract: contracts },
    inserted: { t_application: newApplications },
    deleted: { t_post_check: checks, t_fee: fees },
    lateCommitted,
    drift,
  };
}
