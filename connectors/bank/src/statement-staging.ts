/**
 * Statement files into the temp table `bank_txn_staged`, in two steps so that per-file work stays
 * a plain copy: `readFile` lets DuckDB read one file (read_csv — a GBK file transcoded to UTF-8
 * first — or read_xlsx below the title rows) into its layout's raw table, text as delivered;
 * `normalise` then maps every layout's rows to the raw schema in ONE query per layout: totals rows
 * verified against their statement's rows per file, yuan text to fen, Beijing time to ISO,
 * debit/credit to 借/贷, row problems marked with a code and a Chinese reason.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdentifier, sqlString } from '@sg/sql-text';
import { z } from 'zod';
import { BankFileError } from './bank-errors.ts';
import type { DetectedFile } from './detect-layout.ts';
import { layoutHeaders } from './layout-registry.ts';
import type { StatementLayout } from './layout-registry.ts';
import { TextDecodingError, transcodeToUtf8 } from './text-transcoding.ts';
import {
  BANK_TRANSACTION_COLUMNS,
  beijingTimestampSql,
  currencySql,
  presentTextSql,
  yuanToFenSql,
} from './type-mapping.ts';

export const TXN_STAGED_TABLE = 'bank_txn_staged';
const FILE_FACTS_TABLE = 'bank_statement_facts';
const LAST_ROW = '9223372036854775807';

export type DetectedStatement = Extract<DetectedFile, { kind: 'statement' }>;

export interface StatementFileSource {
  readonly path: string;
  /** A folder for work files (a non-UTF-8 CSV is transcoded there first). */
  readonly workDir: string;
  readonly bankCode: string;
  readonly dropId: string;
  readonly dropRank: number;
}

/** What normalising found per file (key: `<dropId>/<file name>`). */
export interface StatementFacts {
  /** Data rows (without header, title and totals rows). */
  readonly rows: number;
  /** Set when the file's totals row is missing or disagrees (all its rows are quarantined). */
  readonly totalsProblem: string | undefined;
}

export function statementFileKey(dropId: string, path: string): string {
  return `${dropId}/${basename(path)}`;
}

export function createTxnStagedSql(): string {
  const columns = BANK_TRANSACTION_COLUMNS.map((column) => `${sqlIdentifier(column.name)} varchar`);
  return (
    `create or replace temp table ${TXN_STAGED_TABLE} (${columns.join(', ')}, ` +
    `_drop_rank integer, _problem_code varchar, _problem varchar)`
  );
}

/** Header names the layout does not know (a bank added columns): not landed, reported. */
export function unknownColumns(detected: DetectedStatement): string[] {
  const known = new Set(layoutHeaders(detected.layout));
  return detected.headers.filter((header) => header !== '' && !known.has(header));
}

interface LayoutTable {
  readonly layout: StatementLayout;
  readonly table: string;
  /** Known header → raw table column (`c0`, `c1`, …). */
  readonly columnOf: ReadonlyMap<string, string>;
}

function readerSql(path: string, detected: DetectedStatement): string {
  if (detected.layout.container === 'xlsx') {
    const range = `A${String(detected.headerRow)}:${detected.lastColumn}1048576`;
    return (
      `read_xlsx(${sqlString(path)}, header = true, all_varchar = true, ` +
      `range = ${sqlString(range)}, stop_at_empty = true)`
    );
  }
  // Non-UTF-8 files arrive here already transcoded (text-transcoding.ts).
  return (
    `read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"', ` +
    `escape = '"', encoding = 'utf-8')`
  );
}

function titleValue(lines: readonly string[], pattern: string): string | undefined {
  const regex = new RegExp(pattern);
  for (const line of lines) {
    const match = regex.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function readFailure(error: unknown, path: string, layout: StatementLayout): BankFileError {
  const message = error instanceof Error ? error.message : String(error);
  if (
    error instanceof TextDecodingError ||
    /invalid unicode|byte sequence mismatch|not utf-8/i.test(message)
  ) {
    return new BankFileError(
      'wrong_encoding',
      `文件「${basename(path)}」不是版式 ${layout.id} 声明的编码（${layout.encoding}），已拒绝读取：${message.split('\n')[0] ?? ''}`,
      path,
      { cause: error },
    );
  }
  return new BankFileError(
    'missing_columns',
    `读取文件「${basename(path)}」失败：${message}`,
    path,
    {
      cause: error,
    },
  );
}

/**
 * The amount's direction and value. `prepare` lists named expressions over the raw columns (each
 * yuan conversion written once); `direction` and `amount` read those names; `problemCode` and
 * `problem` read `direction`.
 */
interface AmountSql {
  prepare: string;
  direction: string;
  amount: string;
  problemCode: string;
  problem: string;
}

function amountSql(layout: StatementLayout, column: (header: string) => string): AmountSql {
  const numericCells = layout.container === 'xlsx';
  const { amount } = layout;
  if (amount.style === 'indicator') {
    const list = (values: readonly string[]): string => values.map(sqlString).join(', ');
    return {
      prepare:
        `upper(${presentTextSql(column(amount.indicatorColumn))}) as _indicator, ` +
        `${yuanToFenSql(column(amount.amountColumn), numericCells)} as _amount`,
      direction:
        `case when _indicator in (${list(amount.debitValues)}) then '借' ` +
        `when _indicator in (${list(amount.creditValues)}) then '贷' end`,
      amount: '_amount',
      problemCode: `case when direction is null then 'direction_invalid' end`,
      problem:
        `case when direction is null then ${sqlString('借贷标志「')} || ` +
        `coalesce(_indicator, '') || ${sqlString('」无法识别 [direction_invalid]')} end`,
    };
  }
  const debitFilled = `coalesce(_debit <> '0', false)`;
  const creditFilled = `coalesce(_credit <> '0', false)`;
  return {
    prepare:
      `${yuanToFenSql(column(amount.debitColumn), numericCells)} as _debit, ` +
      `${yuanToFenSql(column(amount.creditColumn), numericCells)} as _credit`,
    direction:
      `case when ${debitFilled} and not ${creditFilled} then '借' ` +
      `when ${creditFilled} and not ${debitFilled} then '贷' end`,
    amount: `case when ${debitFilled} then _debit else _credit end`,
    problemCode: `case when direction is null then 'amount_sides_invalid' end`,
    problem: `case when direction is null then ${sqlString(
      `借方（${amount.debitColumn}）与贷方（${amount.creditColumn}）应有且只有一个非零金额 [amount_sides_invalid]`,
    )} end`,
  };
}

/**
 * Per file: where the totals row is (titled layouts), how many data rows there are, and the
 * totals problem as code and Chinese reason. A titled statement needs exactly one totals row whose
 * debit and credit equal the sums of its rows.
 */
function fileFactsSql(entry: LayoutTable, column: (header: string) => string): string {
  const { layout, table } = entry;
  const titled = layout.titled;
  if (titled === undefined || layout.amount.style !== 'debit_credit_columns') {
    return (
      `create or replace temp table ${FILE_FACTS_TABLE} as select _file_key, ` +
      `${LAST_ROW}::bigint as _totals_n, count(*) as data_rows, null::varchar as _totals_code, ` +
      `null::varchar as _totals_problem from ${table} group by _file_key`
    );
  }
  const isTotals = `trim(${column(layout.columns.date)}) = ${sqlString(titled.totalsLabel)}`;
  const sum = (value: string, filter: string): string =>
    `coalesce(sum(try_cast(${value} as hugeint)) filter (where ${filter}), 0)`;
  const marked =
    `select _file_key, _n, ${isTotals} as _is_totals, ` +
    `${yuanToFenSql(column(layout.amount.debitColumn), true)} as _debit, ` +
    `${yuanToFenSql(column(layout.amount.creditColumn), true)} as _credit from ${table}`;
  const firstTotals =
    `select _file_key, coalesce(min(_n) filter (where _is_totals), ${LAST_ROW}) as _totals_n, ` +
    `count(*) filter (where _is_totals) as totals_rows from (${marked}) group by _file_key`;
  const sums =
    `select m._file_key, f._totals_n, f.totals_rows, count(*) filter (where m._n < f._totals_n) as data_rows, ` +
    `${sum('m._debit', 'm._n < f._totals_n')} as debit_sum, ${sum('m._credit', 'm._n < f._totals_n')} as credit_sum, ` +
    `${sum('m._debit', 'm._is_totals')} as debit_total, ${sum('m._credit', 'm._is_totals')} as credit_total ` +
    `from (${marked}) m join (${firstTotals}) f using (_file_key) group by all`;
  const missing = 'totals_rows <> 1';
  const mismatch = 'debit_sum <> debit_total or credit_sum <> credit_total';
  return (
    `create or replace temp table ${FILE_FACTS_TABLE} as select _file_key, _totals_n, data_rows, ` +
    `case when ${missing} then 'statement_totals_missing' when ${mismatch} then 'statement_totals_mismatch' end as _totals_code, ` +
    `case when ${missing} then ${sqlString('对账单缺少唯一的合计行（找到 ')} || totals_rows || ` +
    `${sqlString(' 行），文件可能被截断 [statement_totals_missing]')} ` +
    `when ${mismatch} then ${sqlString('对账单合计行与明细不符：支出合计 ')} || debit_total || ` +
    `${sqlString(' 分 / 明细 ')} || debit_sum || ${sqlString(' 分，收入合计 ')} || credit_total || ` +
    `${sqlString(' 分 / 明细 ')} || credit_sum || ${sqlString(' 分 [statement_totals_mismatch]')} end ` +
    `as _totals_problem from (${sums})`
  );
}

function normaliseSql(entry: LayoutTable, column: (header: string) => string): string {
  const { layout, table } = entry;
  const { columns } = layout;
  const optional = (header: string | undefined): string =>
    header === undefined ? 'null' : column(header);
  const numericCells = layout.container === 'xlsx';
  const accountNo = layout.titled === undefined ? optional(columns.accountNo) : 'r._title_account';
  const currency = layout.titled === undefined ? optional(columns.currency) : 'r._title_currency';
  const dateTime =
    columns.time === undefined
      ? `trim(${column(columns.date)})`
      : `trim(${column(columns.date)}) || ' ' || trim(${column(columns.time)})`;
  const amount = amountSql(layout, column);
  const prepared =
    `select ${presentTextSql(accountNo)} as account_no, ${presentTextSql(optional(columns.txnId))} as txn_id, ` +
    `${beijingTimestampSql(dateTime, layout.dateTimeFormat)} as txn_time, ` +
    `${yuanToFenSql(column(columns.balance), numericCells)} as balance_fen, ` +
    `${presentTextSql(optional(columns.counterpartyAccount))} as counterparty_account, ` +
    `${presentTextSql(optional(columns.counterpartyName))} as counterparty_name, ` +
    `${presentTextSql(optional(columns.summary))} as summary, ${currencySql(currency)} as currency, ` +
    `r._bank_code, r._drop_id, r._source_file, cast(r._n + r._row_offset as varchar) as source_row, ` +
    `r._drop_rank, f._totals_code, f._totals_problem, ${amount.prepare} ` +
    `from ${table} r join ${FILE_FACTS_TABLE} f using (_file_key) where r._n < f._totals_n`;
  const directed = `select *, ${amount.direction} as direction, ${amount.amount} as amount_fen from (${prepared})`;
  const naturalKey =
    `'nk:' || coalesce(account_no, '') || '|' || coalesce(txn_time, '') || '|' || ` +
    `coalesce(direction, '') || '|' || coalesce(amount_fen, '') || '|' || coalesce(balance_fen, '')`;
  return (
    `insert into ${TXN_STAGED_TABLE} select account_no, txn_id, coalesce(txn_id, ${naturalKey}), ` +
    `txn_time, direction, amount_fen, balance_fen, counterparty_account, counterparty_name, summary, ` +
    `currency, ${sqlString(layout.id)}, _bank_code, _drop_id, _source_file, source_row, _drop_rank, ` +
    `coalesce(_totals_code, ${amount.problemCode}), coalesce(_totals_problem, ${amount.problem}) ` +
    `from (${directed})`
  );
}

const factsRowSchema = z.object({
  file_key: z.string(),
  data_rows: z.coerce.number(),
  totals_problem: z.string().nullable(),
});

export interface StatementStaging {
  /** Reads one file into its layout's raw table (text as delivered). */
  readFile(source: StatementFileSource, detected: DetectedStatement): Promise<void>;
  /** Normalises everything read into `bank_txn_staged`; returns the facts per file key. */
  normalise(): Promise<Map<string, StatementFacts>>;
}

export function createStatementStaging(connection: DuckDBConnection): StatementStaging {
  const tables = new Map<string, LayoutTable>();

  async function tableFor(layout: StatementLayout): Promise<LayoutTable> {
    const existing = tables.get(layout.id);
    if (existing !== undefined) return existing;
    const headers = [...new Set(layoutHeaders(layout))];
    const entry: LayoutTable = {
      layout,
      table: `bank_raw_statements_${String(tables.size)}`,
      columnOf: new Map(headers.map((header, index) => [header, `c${String(index)}`])),
    };
    const columns = headers.map((_, index) => `c${String(index)} varchar`);
    await connection.run(
      `create or replace temp table ${entry.table} (${columns.join(', ')}, _file_key varchar, ` +
        `_source_file varchar, _bank_code varchar, _drop_id varchar, _drop_rank integer, ` +
        `_title_account varchar, _title_currency varchar, _n bigint, _row_offset bigint)`,
    );
    tables.set(layout.id, entry);
    return entry;
  }

  return {
    async readFile(source, detected) {
      const { layout } = detected;
      const entry = await tableFor(layout);
      const name = basename(source.path);
      let titleAccount = 'null';
      let titleCurrency = 'null';
      if (layout.titled !== undefined) {
        const account = titleValue(detected.titleLines, layout.titled.accountPattern);
        if (account === undefined) {
          throw new BankFileError(
            'title_invalid',
            `对账单「${name}」的标题行中找不到账号`,
            source.path,
          );
        }
        titleAccount = sqlString(account);
        titleCurrency = sqlString(
          titleValue(detected.titleLines, layout.titled.currencyPattern) ?? 'CNY',
        );
      }
      const present = new Set(detected.headers);
      const values = [...entry.columnOf.keys()].map((header) =>
        present.has(header) ? sqlIdentifier(header) : 'null',
      );
      const transcoded =
        layout.container === 'csv' && layout.encoding !== 'utf-8'
          ? join(source.workDir, `${randomUUID()}.utf8.csv`)
          : undefined;
      try {
        if (transcoded !== undefined) {
          await transcodeToUtf8(source.path, layout.encoding, transcoded);
        }
        await connection.run(
          `insert into ${entry.table} select ${values.join(', ')}, ` +
            `${sqlString(statementFileKey(source.dropId, source.path))}, ${sqlString(name)}, ` +
            `${sqlString(source.bankCode)}, ${sqlString(source.dropId)}, ${String(source.dropRank)}, ` +
            `${titleAccount}, ${titleCurrency}, row_number() over (), ${String(detected.headerRow)} ` +
            `from ${readerSql(transcoded ?? source.path, detected)}`,
        );
      } catch (error: unknown) {
        throw readFailure(error, source.path, layout);
      } finally {
        if (transcoded !== undefined) await rm(transcoded, { force: true });
      }
    },

    async normalise() {
      const facts = new Map<string, StatementFacts>();
      for (const entry of tables.values()) {
        const column = (header: string): string => entry.columnOf.get(header) ?? 'null';
        await connection.run(fileFactsSql(entry, column));
        await connection.run(normaliseSql(entry, column));
        const rows = z
          .array(factsRowSchema)
          .parse(
            (
              await connection.runAndReadAll(
                `select _file_key as file_key, data_rows, _totals_problem as totals_problem ` +
                  `from ${FILE_FACTS_TABLE}`,
              )
            ).getRowObjectsJson(),
          );
        for (const row of rows) {
          facts.set(row.file_key, {
            rows: row.data_rows,
            totalsProblem: row.totals_problem ?? undefined,
          });
        }
        await connection.run(`drop table ${FILE_FACTS_TABLE}; drop table ${entry.table};`);
      }
      tables.clear();
      return facts;
    },
  };
}
