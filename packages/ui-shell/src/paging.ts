// Paging and sorting of a table's rows, read from and written to the page's query string.

export type SortDirection = 'asc' | 'desc';

export interface TableQuery {
  /** 1-based page number. */
  readonly page: number;
  readonly pageSize: number;
  readonly sortKey: string | null;
  readonly direction: SortDirection;
}

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

function wholeNumber(value: string | null, fallback: number, max: number): number {
  const parsed = Number(value);
  return value !== null && Number.isInteger(parsed) && parsed >= 1
    ? Math.min(parsed, max)
    : fallback;
}

/** The table query in `params` (`page`, `size`, `sort`, `dir`), bad values replaced by defaults. */
export function tableQueryOf(
  params: Pick<URLSearchParams, 'get'>,
  sortableKeys: readonly string[],
): TableQuery {
  const sort = params.get('sort');
  return {
    page: wholeNumber(params.get('page'), 1, Number.MAX_SAFE_INTEGER),
    pageSize: wholeNumber(params.get('size'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sortKey: sort !== null && sortableKeys.includes(sort) ? sort : null,
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query string of `query` changed by `change`, other parameters of `params` kept. */
export function tableQueryHref(
  params: Pick<URLSearchParams, 'entries'>,
  change: Partial<TableQuery>,
): string {
  const next = new URLSearchParams([...params.entries()]);
  if (change.page !== undefined) next.set('page', String(change.page));
  if (change.pageSize !== undefined) next.set('size', String(change.pageSize));
  if (change.sortKey !== undefined && change.sortKey !== null) next.set('sort', change.sortKey);
  if (change.direction !== undefined) next.set('dir', change.direction);
  return `?${next.toString()}`;
}

/** The direction a click on a column header asks for: the same column flips, another starts asc. */
export function nextSort(
  query: TableQuery,
  key: string,
): { sortKey: string; direction: SortDirection } {
  const direction = query.sortKey === key && query.direction === 'asc' ? 'desc' : 'asc';
  return { sortKey: key, direction };
}

export interface TablePage<Row> {
  readonly rows: readonly Row[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

/** A cell value as text: strings, numbers and booleans as they are, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function compareValues(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return 1;
  if (right === null || right === undefined) return -1;
  if (left instanceof Date && right instanceof Date) return left.getTime() - right.getTime();
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return cellText(left).localeCompare(cellText(right), 'zh-CN');
}

/** The rows sorted by the query's column (missing values last) and cut to its page (clamped). */
export function tablePage<Row extends Readonly<Record<string, unknown>>>(
  rows: readonly Row[],
  query: TableQuery,
): TablePage<Row> {
  const { sortKey } = query;
  const sorted =
    sortKey === null
      ? rows
      : [...rows].sort((a, b) => {
          const order = compareValues(a[sortKey], b[sortKey]);
          return query.direction === 'desc' && a[sortKey] != null && b[sortKey] != null
            ? -order
            : order;
        });
  const pageCount = Math.max(1, Math.ceil(rows.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * query.pageSize;
  return { rows: sorted.slice(start, start + query.pageSize), page, pageCount, total: rows.length };
}
