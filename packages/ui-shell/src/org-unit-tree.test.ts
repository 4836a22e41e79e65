import { describe, expect, it } from 'vitest';
import { orgUnitTree } from './org-unit-tree.ts';

const unit = (orgUnitId: string, parentOrgUnitId: string | null, title: string) => ({
  orgUnitId,
  parentOrgUnitId,
  title,
});

describe('the org unit tree', () => {
  it('lists each unit under its parent, depth first, siblings by Chinese title', () => {
    const rows = orgUnitTree([
      unit('wuzhong', 'hq', '吴忠分公司'),
      unit('risk', 'yinchuan', '风控部'),
      unit('hq', null, '总部'),
      unit('yinchuan', 'hq', '银川分公司'),
    ]);
    expect(rows.map((row) => [row.unit.orgUnitId, row.depth])).toEqual([
      ['hq', 0],
      ['wuzhong', 1],
      ['yinchuan', 1],
      ['risk', 2],
    ]);
  });

  it('shows a unit whose parent is unknown as a root rather than dropping it', () => {
    const rows = orgUnitTree([unit('orphan', 'gone', '孤立部门')]);
    expect(rows).toEqual([{ unit: unit('orphan', 'gone', '孤立部门'), depth: 0 }]);
  });
});
