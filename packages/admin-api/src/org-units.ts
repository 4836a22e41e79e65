// The org unit tree (总部 → 分支机构 → 部门) in app.org_units; every creation audited.
import { appendAuditEvent, withTransaction } from '@sg/app-db';
import type { Pool } from 'pg';
import type { OrgUnitInput } from './schemas.ts';

export interface OrgUnit {
  readonly orgUnitId: string;
  readonly parentOrgUnitId: string | null;
  readonly unitKind: 'head_office' | 'branch' | 'department';
  readonly title: string;
  readonly isActive: boolean;
}

interface OrgUnitRow {
  org_unit_id: string;
  parent_org_unit_id: string | null;
  unit_kind: OrgUnit['unitKind'];
  title: string;
  is_active: boolean;
}

const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  orgUnitId: row.org_unit_id,
  parentOrgUnitId: row.parent_org_unit_id,
  unitKind: row.unit_kind,
  title: row.title,
  isActive: row.is_active,
});

/** Every unit, parents before children (depth first, siblings by title). */
export async function listOrgUnits(pool: Pool): Promise<OrgUnit[]> {
  const result = await pool.query<OrgUnitRow>(
    `with recursive tree as (
       select org_unit_id, parent_org_unit_id, unit_kind, title, is_active,
              array[title] as path
         from app.org_units where parent_org_unit_id is null
       union all
       select child.org_unit_id, child.parent_org_unit_id, child.unit_kind, child.title,
              child.is_active, tree.path || child.title
         from app.org_units child join tree on child.parent_org_unit_id = tree.org_unit_id
     )
     select org_unit_id, parent_org_unit_id, unit_kind, title, is_active from tree order by path`,
  );
  return result.rows.map(toOrgUnit);
}

export type OrgUnitCreation =
  | { readonly ok: true; readonly orgUnit: OrgUnit }
  | { readonly ok: false; readonly message: string };

/** Adds a branch or department under an existing unit; a department only under a branch or 总部. */
export async function createOrgUnit(
  pool: Pool,
  actor: string,
  input: OrgUnitInput,
): Promise<OrgUnitCreation> {
  return withTransaction(pool, async (client) => {
    const parent = await client.query<{ unit_kind: OrgUnit['unitKind'] }>(
      'select unit_kind from app.org_units where org_unit_id = $1',
      [input.parentOrgUnitId],
    );
    const parentKind = parent.rows[0]?.unit_kind;
    if (parentKind === undefined) return { ok: false, message: '上级机构不存在' };
    if (input.unitKind === 'branch' && parentKind !== 'head_office') {
      return { ok: false, message: '分支机构只能设在总部之下' };
    }
    const inserted = await client.query<OrgUnitRow>(
      `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
       values ($1, $2, $3, $4) on conflict (org_unit_id) do nothing
       returning org_unit_id, parent_org_unit_id, unit_kind, title, is_active`,
      [input.orgUnitId, input.parentOrgUnitId, input.unitKind, input.title],
    );
    const row = inserted.rows[0];
    if (row === undefined) return { ok: false, message: `机构代码 ${input.orgUnitId} 已存在` };
    await appendAuditEvent(client, {
      actor,
      action: 'org_unit_created',
      subject: `org_unit:${input.orgUnitId}`,
      detail: { parent: input.parentOrgUnitId, unitKind: input.unitKind, title: input.title },
    });
    return { ok: true, orgUnit: toOrgUnit(row) };
  });
}
