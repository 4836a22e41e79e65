import { describe, expect, it } from 'vitest';
import { isInDataScope, isUnitWithin, unitsWithin, type OrgUnitParents } from './data-scope.ts';
import type { DataScope } from './roles.ts';

// 总部 → 银川分公司 → 业务一部; 总部 → 石嘴山分公司.
const ORG_TREE: OrgUnitParents = new Map([
  ['head_office', undefined],
  ['yinchuan_branch', 'head_office'],
  ['yinchuan_business_1', 'yinchuan_branch'],
  ['shizuishan_branch', 'head_office'],
]);

const ANALYST_IN_YINCHUAN = { userId: 'u-analyst', orgUnitId: 'yinchuan_branch' };

const RECORD_OWN = { ownerUserId: 'u-analyst', orgUnitId: 'yinchuan_branch' };
const RECORD_SAME_UNIT = { ownerUserId: 'u-other', orgUnitId: 'yinchuan_branch' };
const RECORD_BELOW = { ownerUserId: 'u-other', orgUnitId: 'yinchuan_business_1' };
const RECORD_SIBLING = { ownerUserId: 'u-other', orgUnitId: 'shizuishan_branch' };
const RECORD_ABOVE = { ownerUserId: 'u-other', orgUnitId: 'head_office' };

const TABLE: readonly [DataScope, typeof RECORD_OWN, boolean][] = [
  ['own', RECORD_OWN, true],
  ['own', RECORD_SAME_UNIT, false],
  ['org_unit', RECORD_SAME_UNIT, true],
  ['org_unit', RECORD_BELOW, false],
  ['org_unit_and_below', RECORD_BELOW, true],
  ['org_unit_and_below', RECORD_SIBLING, false],
  ['org_unit_and_below', RECORD_ABOVE, false],
  ['all', RECORD_SIBLING, true],
  ['all', RECORD_ABOVE, true],
];

describe('isInDataScope for an analyst of the Yinchuan branch', () => {
  it.each(TABLE)('%s sees %j: %s', (scope, record, expected) => {
    expect(isInDataScope(scope, ANALYST_IN_YINCHUAN, record, ORG_TREE)).toBe(expected);
  });
});

describe('the org unit tree', () => {
  it('lists a unit and everything below it', () => {
    expect(unitsWithin(ORG_TREE, 'yinchuan_branch').sort()).toEqual([
      'yinchuan_branch',
      'yinchuan_business_1',
    ]);
    expect(unitsWithin(ORG_TREE, 'head_office')).toHaveLength(4);
  });

  it('stops on a cycle instead of looping', () => {
    const cyclic: OrgUnitParents = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(isUnitWithin(cyclic, 'a', 'c')).toBe(false);
  });
});
