/**
 * Copies delivered more than once (overlapping statement periods, snapshots repeated in every
 * drop) are resolved per natural key in SQL: the copy from the latest drop (by period end, period
 * start, drop id) is kept; an older copy identical to it is collapsed (counted, not landed twice);
 * an older copy that differs is quarantined as `duplicate_conflict` with the kept copy's origin.
 */
import { sqlIdentifier } from '@sg/sql-text';

export interface DedupeTables {
  /** Staged rows (with `_drop_rank`, `_problem_code`, `source_file`, `source_row`). */
  readonly staged: string;
  /** Created: one row per key, rows without problems only. */
  readonly kept: string;
  /** Created: older copies, `_collapsed` true when identical to the kept one. */
  readonly copies: string;
}

export function dedupeSql(
  tables: DedupeTables,
  keyColumns: readonly string[],
  contentColumns: readonly string[],
): string[] {
  const partition = keyColumns.map(sqlIdentifier).join(', ');
  const content = `to_json(struct_pack(${contentColumns
    .map((name) => `${sqlIdentifier(name)} := ${sqlIdentifier(name)}`)
    .join(', ')}))::varchar`;
  const ordered =
    `(partition by ${partition} order by _drop_rank desc, source_file, ` +
    `try_cast(source_row as bigint))`;
  // Only keys delivered more than once go through the window (a hash aggregate finds them, and
  // it spills); every other row is kept as it is. A window over all rows of a large landing (33M
  // transactions) made DuckDB ask for one 16 GiB block and fail.
  const sameKey = keyColumns
    .map((name) => `s.${sqlIdentifier(name)} is not distinct from d.${sqlIdentifier(name)}`)
    .join(' and ');
  return [
    `create or replace temp table bank_repeated_keys as select ${partition} from ${tables.staged} ` +
      `where _problem_code is null group by all having count(*) > 1`,
    `create or replace temp table bank_ranked as select s.*, ${content} as _content, ` +
      `row_number() over ${ordered} as _copy_no, ` +
      `first_value(${content}) over ${ordered} as _kept_content, ` +
      `first_value(drop_id || ' ' || source_file || ' 第' || source_row || '行') over ${ordered} as _kept_origin ` +
      `from ${tables.staged} s semi join bank_repeated_keys d on ${sameKey} where s._problem_code is null`,
    `create or replace temp table ${tables.kept} as ` +
      `select s.* from ${tables.staged} s anti join bank_repeated_keys d on ${sameKey} where s._problem_code is null ` +
      `union all select * exclude (_content, _copy_no, _kept_content, _kept_origin) from bank_ranked where _copy_no = 1`,
    `create or replace temp table ${tables.copies} as select * exclude (_content, _copy_no, _kept_content), ` +
      `_content = _kept_content as _collapsed from bank_ranked where _copy_no > 1`,
    'drop table bank_ranked; drop table bank_repeated_keys',
  ];
}
