// 三权分立: a person holds roles of one duty only (system administration, security audit, business,
// or external partner bank). Checked when a role is assigned.
import { roleDefinition, ROLES, type Duty, type Role } from './roles.ts';

const DUTY_TITLES: Readonly<Record<Duty, string>> = {
  business: '业务',
  system_administration: '系统管理',
  security_audit: '安全审计',
  external: '外部合作机构',
};

export type RoleAssignmentCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly conflictsWith: Role; readonly message: string };

/** May a person who holds `held` also be given `adding`? */
export function checkRoleAssignment(held: readonly Role[], adding: Role): RoleAssignmentCheck {
  const duty = roleDefinition(adding).duty;
  const conflict = held.find((role) => roleDefinition(role).duty !== duty);
  if (conflict === undefined) return { ok: true };
  return {
    ok: false,
    conflictsWith: conflict,
    message: `职责分离：${ROLES[conflict].title}（${DUTY_TITLES[roleDefinition(conflict).duty]}）与${ROLES[adding].title}（${DUTY_TITLES[duty]}）不能由同一人担任`,
  };
}

/** Checks a whole set (e.g. a seed or an import): the first conflict found, or ok. */
export function checkRoleSet(roles: readonly Role[]): RoleAssignmentCheck {
  for (let index = 1; index < roles.length; index += 1) {
    const role = roles[index];
    if (role === undefined) continue;
    const check = checkRoleAssignment(roles.slice(0, index), role);
    if (!check.ok) return check;
  }
  return { ok: true };
}
