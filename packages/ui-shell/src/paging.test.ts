import { describe, expect, it } from 'vitest';
import { nextSort, tablePage, tableQueryHref, tableQueryOf } from './paging.ts';

const rows = [
  { login: 'c', amount: 3, unit: '银川分公司' },
  { login: 'a', amount: null, unit: '总部' },
  { login: 'b', amount: 10, unit: '吴忠分公司' },
];

describe('the table query', () => {
  it('reads page, size, sort and direction, replacing bad values by defaults', () => {
    expect(
      tableQueryOf(new URLSearchParams('page=2&size=10&sort=login&dir=desc'), ['login']),
    ).toEqual({
      page: 2,
      pageSize: 10,
      sortKey: 'login',
      direction: 'desc',
    });
    expect(tableQueryOf(new URLSearchParams('page=-1&size=x&sort=password'), ['login'])).toEqual({
      page: 1,
      pageSize: 20,
      sortKey: null,
      direction: 'asc',
    });
  });

  it('caps the page size at 200', () => {
    expect(tableQueryOf(new URLSearchParams('size=100000'), []).pageSize).toBe(200);
  });

  it('keeps other parameters when changing the page', () => {
    expect(tableQueryHref(new URLSearchParams('actor=demo.analyst&page=1'), { page: 3 })).toBe(
      '?actor=demo.analyst&page=3',
    );
  });

  it('flips the direction on the same column and starts ascending on another', () => {
    const query = { page: 1, pageSize: 20, sortKey: 'login', direction: 'asc' as const };
    expect(nextSort(query, 'login')).toEqual({ sortKey: 'login', direction: 'desc' });
    expect(nextSort({ ...query, direction: 'desc' }, 'login').direction).toBe('asc');
    expect(nextSort(query, 'amount')).toEqual({ sortKey: 'amount', direction: 'asc' });
  });
});

describe('a table page', () => {
  it('sorts numbers numerically with missing values last in both directions', () => {
    const asc = tablePage(rows, { page: 1, pageSize: 20, sortKey: 'amount', direction: 'asc' });
    expect(asc.rows.map((row) => row.login)).toEqual(['c', 'b', 'a']);
    const desc = tablePage(rows, { page: 1, pageSize: 20, sortKey: 'amount', direction: 'desc' });
    expect(desc.rows.map((row) => row.login)).toEqual(['b', 'c', 'a']);
  });

  it('cuts the rows to the page and clamps a page past the end', () => {
    const second = tablePage(rows, { page: 2, pageSize: 2, sortKey: 'login', direction: 'asc' });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 3 });
    expect(second.rows.map((row) => row.login)).toEqual(['c']);
    expect(tablePage(rows, { page: 9, pageSize: 2, sortKey: null, direction: 'asc' }).page).toBe(2);
  });

  it('has one empty page for no rows', () => {
    expect(tablePage([], { page: 1, pageSize: 20, sortKey: null, direction: 'asc' })).toEqual({
      rows: [],
      page: 1,
      pageCount: 1,
      total: 0,
    });
  });
});
