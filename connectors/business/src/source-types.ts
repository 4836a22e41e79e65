/**
 * Legacy database type names → one normalised spelling and a family, for both dialects:
 * PostgreSQL 'character varying' (+ length) and MariaDB 'varchar' both become 'varchar(32)'.
 */
import type { SourceColumn, SourceTypeFamily } from './schemas.ts';

const FAMILY_BY_TYPE: Record<string, SourceTypeFamily> = {
  'character varying': 'text',
  varchar: 'text',
  character: 'text',
  char: 'text',
  bpchar: 'text',
  text: 'text',
  tinytext: 'text',
  mediumtext: 'text',
  longtext: 'text',
  integer: 'integer',
  int: 'integer',
  smallint: 'integer',
  bigint: 'integer',
  tinyint: 'integer',
  mediumint: 'integer',
  numeric: 'decimal',
  decimal: 'decimal',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  'timestamp without time zone': 'datetime',
  'timestamp with time zone': 'datetime',
};

export function typeFamily(dataType: string): SourceTypeFamily {
  return FAMILY_BY_TYPE[dataType.toLowerCase()] ?? 'other';
}

export interface DeclaredType {
  readonly dataType: string;
  readonly length?: number | null;
  readonly precision?: number | null;
  readonly scale?: number | null;
}

/** A normalised type spelling: 'varchar(32)', 'decimal(18,2)', 'integer', 'datetime', 'date'. */
export function normaliseSourceType(declared: DeclaredType): string {
  const family = typeFamily(declared.dataType);
  switch (family) {
    case 'text':
      return declared.length === undefined || declared.length === null
        ? 'text'
        : `varchar(${declared.length})`;
    case 'integer':
      return declared.dataType.toLowerCase() === 'bigint' ? 'bigint' : 'integer';
    case 'decimal':
      return `decimal(${declared.precision ?? ''},${declared.scale ?? ''})`;
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'other':
      return declared.dataType.toLowerCase();
  }
}

/** MariaDB COLUMN_TYPE ('varchar(32)', 'decimal(18,2)', 'int(11)') → a normalised column. */
export function mariadbSourceColumn(
  name: string,
  dataType: string,
  columnType: string,
): SourceColumn {
  const args = /\(([^)]*)\)/
    .exec(columnType)?.[1]
    ?.split(',')
    .map((part) => Number(part.trim()));
  const [first, second] = args ?? [];
  return {
    name,
    family: typeFamily(dataType),
    sourceType: normaliseSourceType({
      dataType,
      length: first ?? null,
      precision: first ?? null,
      scale: second ?? null,
    }),
  };
}

/** A snapshot's or the simulator's spelling ('VARCHAR(8)', 'DECIMAL(18,2)') → normalised. */
export function parseSourceTypeText(name: string, typeText: string): SourceColumn {
  const dataType = typeText.replace(/\(.*$/, '').trim().toLowerCase();
  return mariadbSourceColumn(name, dataType, typeText.toLowerCase());
}
