import { describe, expect, it } from 'vitest';
import { assetClassOf, countOf, isTotalName, yuanToFen } from './type-mapping.ts';

describe('yuanToFen', () => {
  it.each([
    [1234.56, 123_456],
    [0.1 + 0.2, 30],
    ['1,234.56', 123_456],
    ['１', undefined],
    ['12,345,678.9', 1_234_567_890],
    ['(1,234.50)', -123_450],
    ['（88.00）', -8_800],
    ['-42.10', -4_210],
    ['-', 0],
    ['—', 0],
    ['见附表', undefined],
    ['1.234', undefined],
    ['(12', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ] as const)('%s → %s', (cell, fen) => {
    expect(yuanToFen(cell)).toBe(fen);
  });
});

describe('countOf', () => {
  it.each([
    [12, 12],
    ['7', 7],
    [1.5, undefined],
    [-1, undefined],
    ['见附表', undefined],
    [null, undefined],
  ] as const)('%s → %s', (cell, count) => {
    expect(countOf(cell)).toBe(count);
  });
});

describe('assetClassOf', () => {
  it.each([
    ['Ⅰ级', 'I'],
    ['Ⅱ级', 'II'],
    ['Ⅲ级', 'III'],
    ['二级', 'II'],
    [null, null],
    ['  ', null],
    ['Ⅳ级', undefined],
  ] as const)('%s → %s', (cell, assetClass) => {
    expect(assetClassOf(cell)).toBe(assetClass);
  });
});

describe('isTotalName', () => {
  it.each([
    ['资产总计', true],
    ['负债合计', true],
    ['所有者权益（净资产）合计', true],
    ['负债和所有者权益总计', true],
    ['利润总额', true],
    ['净利润', true],
    ['应收代偿款', false],
    ['本年累计新增担保金额', false],
  ] as const)('%s → %s', (name, total) => {
    expect(isTotalName(name)).toBe(total);
  });
});
