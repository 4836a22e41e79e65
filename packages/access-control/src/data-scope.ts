// Data scope: whether one record is visible to a viewer, given the org unit tree.
import type { DataScope } from './roles.ts';

export interface ScopeViewer {
  readonly userId: string;
  readonly orgUnitId: string;
}

export interface ScopedRecord {
  readonly ownerUserId: string;
  readonly orgUnitId: string;
}

/** The org unit tree as child → parent (总部 has no parent). */
export type OrgUnitParents = ReadonlyMap<string, string | undefined>;

/** Whether `unitId` is `ancestorId` or lies below it. Cycles end the walk (never loop). */
export function isUnitWithin(parents: OrgUnitParents, unitId: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined = unitId;
  while (current !== undefined && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = parents.get(current);
  }
  return false;
}

/** The org unit and every unit below it, for SQL filters (`org_unit_id = any($1)`). */
export function unitsWithin(parents: OrgUnitParents, ancestorId: string): string[] {
  return [...parents.keys(), ancestorId]
    .filter((unit, index, all) => all.indexOf(unit) === index)
    .filter((unit) => isUnitWithin(parents, unit, ancestorId));
}

export function isInDataScope(
  scope: DataScope,
  viewer: ScopeViewer,
  record: ScopedRecord,
  parents: OrgUnitParents,
): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'org_unit_and_below':
      return isUnitWithin(parents, record.orgUnitId, viewer.orgUnitId);
    case 'org_unit':
      return record.orgUnitId === viewer.orgUnitId;
    case 'own':
      return record.ownerUserId === viewer.userId;
  }
}
