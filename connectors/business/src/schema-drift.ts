/**
 * Schema drift: the legacy table as the database declares it now, compared with the connector's
 * declared mapping. Added columns are reported and not landed (the landing keeps its declared
 * columns, so it does not break); removed columns are reported and land as NULL (a required one
 * then quarantines its rows, nothing is dropped silently); a retyped column (another type family)
 * is reported and still read as text and converted by the declared mapping, row by row.
 */
import type { SourceColumn } from './schemas.ts';
import type { MappedTable } from './type-mapping.ts';

export type DriftChange = 'added' | 'removed' | 'retyped' | 'table_missing';

/** One row of `raw_business.schema_drift`. */
export interface DriftFinding {
  readonly table_name: string;
  readonly column_name: string | null;
  readonly change: DriftChange;
  /** The declared type family, e.g. 'decimal'. */
  readonly declared_type: string | null;
  /** The type the database declares now, e.g. 'varchar(8)'. */
  readonly source_type: string | null;
  /** 中文说明. */
  readonly description: string;
}

export function detectSchemaDrift(
  mapped: MappedTable,
  source: readonly SourceColumn[] | null,
): DriftFinding[] {
  if (source === null) {
    return [
      {
        table_name: mapped.table,
        column_name: null,
        change: 'table_missing',
        declared_type: null,
        source_type: null,
        description: `源库中不存在表 ${mapped.table}，本次未抽取`,
      },
    ];
  }
  const findings: DriftFinding[] = [];
  const sourceByName = new Map(source.map((c) => [c.name, c]));
  const declared = new Set(mapped.columns.map((c) => c.source));
  for (const column of mapped.columns) {
    const actual = sourceByName.get(column.source);
    if (actual === undefined) {
      findings.push({
        table_name: mapped.table,
        column_name: column.source,
        change: 'removed',
        declared_type: column.family,
        source_type: null,
        description: `源表 ${mapped.table} 已删除列 ${column.source}，按空值落地`,
      });
    } else if (actual.family !== column.family) {
      findings.push({
        table_name: mapped.table,
        column_name: column.source,
        change: 'retyped',
        declared_type: column.family,
        source_type: actual.sourceType,
        description: `源表 ${mapped.table} 的列 ${column.source} 类型由 ${column.family} 变为 ${actual.sourceType}，仍按声明类型逐行转换`,
      });
    }
  }
  for (const column of source) {
    if (!declared.has(column.name)) {
      findings.push({
        table_name: mapped.table,
        column_name: column.name,
        change: 'added',
        declared_type: null,
        source_type: column.sourceType,
        description: `源表 ${mapped.table} 新增列 ${column.name}（${column.sourceType}），未纳入映射，暂不落地`,
      });
    }
  }
  return findings;
}
