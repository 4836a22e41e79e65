import { describe, expect, it } from 'vitest';
import { sqlIdentifier, sqlString } from './index.ts';

describe('SQL text', () => {
  it.each([
    ['plain', 'abc', "'abc'"],
    ['a quote doubled', "O'Brien", "'O''Brien'"],
    ['a path', '/data/银行/a.csv', "'/data/银行/a.csv'"],
  ])('sqlString: %s', (_name, value, expected) => {
    expect(sqlString(value)).toBe(expected);
  });

  it.each([
    ['plain', 'enterprises', '"enterprises"'],
    ['a double quote doubled', 'a"b', '"a""b"'],
    ['Chinese', '金额', '"金额"'],
  ])('sqlIdentifier: %s', (_name, value, expected) => {
    expect(sqlIdentifier(value)).toBe(expected);
  });
});
