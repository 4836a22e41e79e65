/**
 * SQL text for checking one monthly file in DuckDB, as pure functions: read every cell as text
 * (explicit VARCHAR columns, so one bad cell quarantines its row instead of failing the file),
 * normalise codes, verify USCC check characters, convert yuan to fen exactly (DECIMAL, never
 * float), list each row's problems with a code and a Chinese message, and mark duplicates.
 */
import { USCC_ALPHABET, USCC_WEIGHTS } from '@sg/domain';
import { sqlIdentifier, sqlString } from '@sg/sql-text';
import { DEDUPLICATION_KEYS, FILE_COLUMNS, INVOICE_STATUSES } from './type-mapping.ts';
import type { FileColumn, TaxFileEntity } from './type-mapping.ts';

function range(from: number, to: number): string {
  let text = '';
  for (let code = from; code <= to; code += 1) text += String.fromCodePoint(code);
  return text;
}

/** Full-width digits and letters → half-width (what normalizeCodeInput does, in SQL). */
const FULL_WIDTH = range(0xff10, 0xff19) + range(0xff21, 0xff3a) + range(0xff41, 0xff5a);
const HALF_WIDTH = range(0x30, 0x39) + range(0x41, 0x5a) + range(0x61, 0x7a);

export function normalizedCodeSql(text: string): string {
  // translate() with these 62-character maps costs ~1.6 µs a value; most codes are plain ASCII,
  // and the non-ASCII test first is ~30× cheaper (it halved the cost of checking an invoice file).
  const halfWidth = `translate(${text}, ${sqlString(FULL_WIDTH)}, ${sqlString(HALF_WIDTH)})`;
  return `upper(case when regexp_matches(${text}, '[^\\x00-\\x7F]') then ${halfWidth} else ${text} end)`;
}

/** `sg_uscc_valid(code)`: 18 characters of the GB 32100 alphabet with a correct check character. */
export function usccMacroSql(): string {
  const weights = `[${USCC_WEIGHTS.join(', ')}]`;
  const alphabet = sqlString(USCC_ALPHABET);
  const sum =
    `list_sum(list_transform(range(1, 18), i -> ` +
    `(instr(${alphabet}, substr(u, i, 1)) - 1) * ${weights}[i]))`;
  return (
    `create or replace temp macro sg_uscc_valid(u) as ` +
    `coalesce(regexp_full_match(u, '[0-9A-HJ-NPQRTUWXY]{18}') and ` +
    `substr(u, 18, 1) = substr(${alphabet}, ((31 - ${sum}::bigint % 31) % 31)::bigint + 1, 1), false)`
  );
}

/** Stage 1: the file as text, one row per data row, numbered from 1. */
export function readTextSql(
  format: 'csv' | 'xlsx',
  path: string,
  headers: readonly string[],
): string {
  const reader =
    format === 'csv'
      ? `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', ` +
        `quote = '"', escape = '"', encoding = 'utf-8', columns = {${headers
          .map((header) => `${sqlString(header)}: 'VARCHAR'`)
          .join(', ')}})`
      : `read_xlsx(${sqlString(path)}, header = true, all_varchar = true)`;
  return (
    `create or replace temp table drop_text as ` +
    `select (row_number() over ())::integer as source_row, * from ${reader}`
  );
}

/** The header row only (no data read) for comparison with the expected columns. */
export function headerProbeSql(format: 'csv' | 'xlsx', path: string): string {
  return format === 'csv'
    ? `select * from read_csv(${sqlString(path)}, header = true, all_varchar = true, encoding = 'utf-8') limit 0`
    : `select * from read_xlsx(${sqlString(path)}, header = true, all_varchar = true) limit 0`;
}

/** DuckDB's own type inference over the file, to notice a column whose values changed type. */
export function inferredTypesSql(format: 'csv' | 'xlsx', path: string): string {
  return format === 'csv'
    ? `describe select * from read_csv(${sqlString(path)}, header = true, encoding = 'utf-8')`
    : `describe select * from read_xlsx(${sqlString(path)}, header = true)`;
}

function textOf(column: FileColumn, present: ReadonlySet<string>): string {
  return present.has(column.header)
    ? `nullif(trim(${sqlIdentifier(column.header)}), '')`
    : 'null::varchar';
}

const YUAN_PATTERN = `'[+-]?[0-9]+(\\.[0-9]{0,2}0*)?'`;

function typedSql(column: FileColumn, text: string): string {
  switch (column.kind) {
    case 'uscc':
      return normalizedCodeSql(text);
    case 'date':
      return `try_cast(${text} as date)`;
    case 'yuan': {
      const plain = `replace(${text}, ',', '')`;
      return (
        `case when regexp_full_match(${plain}, ${YUAN_PATTERN}) ` +
        `then try_cast(try_cast(${plain} as decimal(18, 2))::decimal(20, 2) * 100 as bigint) end`
      );
    }
    default:
      return text;
  }
}

function problem(condition: string, code: string, message: string): string {
  return `case when ${condition} then {'code': ${sqlString(code)}, 'message': ${message}} end`;
}

function columnProblems(column: FileColumn, text: string, typed: string, period: string): string[] {
  const label = sqlString(column.header);
  const shown = (prefix: string) => `${sqlString(prefix)} || ${text}`;
  const problems: string[] = [];
  if (column.required) {
    problems.push(problem(`${text} is null`, 'required_missing', `'缺少' || ${label}`));
  }
  switch (column.kind) {
    case 'uscc':
      problems.push(
        problem(
          `${text} is not null and not sg_uscc_valid(${typed})`,
          'uscc_invalid',
          shown(`${column.header}无效：`),
        ),
      );
      break;
    case 'period':
      problems.push(
        problem(
          `${text} is not null and ${text} <> ${sqlString(period)}`,
          'period_mismatch',
          shown(`所属期与投递期间 ${period} 不符：`),
        ),
      );
      break;
    case 'date':
      problems.push(
        problem(
          `${text} is not null and ${typed} is null`,
          'date_invalid',
          shown(`${column.header}不是有效日期：`),
        ),
      );
      break;
    case 'yuan':
      problems.push(
        problem(
          `${text} is not null and ${typed} is null`,
          'amount_invalid',
          shown(`${column.header}应为最多两位小数的元金额：`),
        ),
      );
      break;
    case 'invoice_status':
      problems.push(
        problem(
          `${text} is not null and ${text} not in (${INVOICE_STATUSES.map(sqlString).join(', ')})`,
          'status_unknown',
          shown('未知的发票状态：'),
        ),
      );
      break;
    case 'text':
      break;
  }
  return problems;
}

/**
 * Negative amounts: never for payments; for invoices only on red-letter (红冲) invoices, which
 * reverse an earlier one.
 */
function negativeAmountProblem(entity: TaxFileEntity, typed: ReadonlyMap<string, string>): string {
  if (entity === 'tax_payments') {
    return problem(`${typed.get('paid_fen') ?? 'null'} < 0`, 'amount_negative', `'实缴金额为负数'`);
  }
  const negative = `(${typed.get('amount_fen') ?? 'null'} < 0 or ${typed.get('tax_fen') ?? 'null'} < 0)`;
  return problem(
    `${negative} and coalesce(${typed.get('invoice_status') ?? 'null'}, '') <> '红冲'`,
    'amount_negative',
    `'金额为负数但发票不是红冲发票'`,
  );
}

/**
 * Stage 2: `drop_checked` with the raw columns typed, `problems` (a list of {code, message}), a
 * duplicate mark for the second and later valid rows with the same key, and `record_json` (the
 * row as the file had it, for the quarantine table).
 */
export function checkRowsSql(
  entity: TaxFileEntity,
  period: string,
  fileName: string,
  presentHeaders: readonly string[],
): string {
  const present = new Set(presentHeaders);
  // Stage `cells` computes each cell's text and typed value ONCE as a column; the problem list
  // then reads those columns. (Inlining the expressions into every check made DuckDB evaluate
  // the full-width translate ~20 times per USCC inside the check macro: 70 µs per row.)
  const cells: string[] = [];
  const typed = new Map<string, string>();
  const problems: string[] = [];
  for (const column of FILE_COLUMNS[entity]) {
    const textColumn = sqlIdentifier(`_text_${column.column}`);
    const typedColumn = sqlIdentifier(column.column);
    const text = textOf(column, present);
    cells.push(`${text} as ${textColumn}`, `${typedSql(column, text)} as ${typedColumn}`);
    typed.set(column.column, typedColumn);
    problems.push(...columnProblems(column, textColumn, typedColumn, period));
  }
  problems.push(negativeAmountProblem(entity, typed));
  const recordJson = `json_object('source_row', source_row, ${presentHeaders
    .map((header) => `${sqlString(header)}, ${sqlIdentifier(header)}`)
    .join(', ')})`;
  const keys = DEDUPLICATION_KEYS[entity].map(sqlIdentifier).join(', ');
  return (
    `create or replace temp table drop_checked as ` +
    `with cells as (select source_row, ${cells.join(', ')}, ` +
    `${recordJson}::varchar as record_json from drop_text), ` +
    `typed as (select source_row, ${sqlString(fileName)} as source_file, ${[...typed.values()].join(', ')}, ` +
    `list_filter([${problems.join(', ')}], p -> p is not null) as problems, record_json from cells), ` +
    `ranked as (select *, row_number() over (partition by ${keys}, len(problems) = 0 order by source_row) as key_rank from typed) ` +
    `select * exclude (problems, key_rank), case when len(problems) = 0 and key_rank > 1 ` +
    `then [{'code': 'duplicate_record', 'message': '同一期间内重复的记录（已保留首次出现的行）'}] ` +
    `else problems end as problems from ranked`
  );
}

/** Valid rows as Parquet for landRecords (DuckDB writes it; rows never pass through JS). */
export function copyValidRowsSql(entity: TaxFileEntity, parquetPath: string): string {
  const columns = [
    ...FILE_COLUMNS[entity].map((column) => column.column),
    'source_file',
    'source_row',
  ];
  return (
    `copy (select ${columns.map(sqlIdentifier).join(', ')} from drop_checked ` +
    `where len(problems) = 0 order by source_row) to ${sqlString(parquetPath)} (format parquet)`
  );
}

export const QUARANTINED_ROWS_SQL =
  `select record_json as record, problems[1].code as reason_code, ` +
  `array_to_string(list_transform(problems, p -> p.message), '；') as reason ` +
  `from drop_checked where len(problems) > 0 order by source_row`;

export const CHECK_SUMMARY_SQL =
  `select count(*)::integer as file_rows, count(*) filter (where len(problems) = 0)::integer as valid_rows ` +
  `from drop_checked`;
