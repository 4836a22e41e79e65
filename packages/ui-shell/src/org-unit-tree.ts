// The org units as an indented tree (parents before children, siblings by title) for the page.

export interface OrgUnitLike {
  readonly orgUnitId: string;
  readonly parentOrgUnitId: string | null;
  readonly title: string;
}

export interface OrgUnitTreeRow<Unit extends OrgUnitLike> {
  readonly unit: Unit;
  readonly depth: number;
}

/** Depth-first rows from the roots (units without a known parent). */
export function orgUnitTree<Unit extends OrgUnitLike>(
  units: readonly Unit[],
): OrgUnitTreeRow<Unit>[] {
  const known = new Set(units.map((unit) => unit.orgUnitId));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent =
      unit.parentOrgUnitId !== null && known.has(unit.parentOrgUnitId)
        ? unit.parentOrgUnitId
        : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const rows: OrgUnitTreeRow<Unit>[] = [];
  const visit = (parent: string | null, depth: number) => {
    const children = [...(childrenOf.get(parent) ?? [])].sort((a, b) =>
      a.title.localeCompare(b.title, 'zh-CN'),
    );
    for (const unit of children) {
      rows.push({ unit, depth });
      visit(unit.orgUnitId, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
