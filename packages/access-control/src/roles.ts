// Roles, permission codes and each role's default data scope, declared once. Everything else
// (guards, the admin UI's lists, the TOTP requirement, separation of duties) is derived from here.

/** Permission codes: `<area>.<action>`. The Chinese title is what the admin UI shows. */
export const PERMISSIONS = {
  'guarantee.read': '查看担保业务',
  'guarantee.write': '录入与修改担保业务',
  'guarantee.review': '风控审查',
  'guarantee.vote': '评审会表决',
  'guarantee.approve': '审批担保业务',
  'risk.monitor': '风险监测与预警处置',
  'bi.read': '查看 BI 报表',
  'data.pipeline.operate': '运行与维护数据管道',
  'data.catalog.steward': '管理数据目录与数据标准',
  'data.export': '导出数据',
  'pii.unmask': '查看未脱敏的个人金融信息（C2）',
  'letter.verify': '核验保函真伪',
  'shared.read': '查看共享给合作银行的数据',
  'admin.users': '管理用户、机构与岗位',
  'admin.roles': '分配角色与权限',
  'admin.sessions': '查看与吊销会话',
  'audit.read': '查询审计日志',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_CODES = Object.keys(PERMISSIONS) as readonly Permission[];

/** Which rows a role sees: its own, its org unit's, its unit's and every unit below, or all. */
export const DATA_SCOPES = ['own', 'org_unit', 'org_unit_and_below', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const DATA_SCOPE_TITLES: Readonly<Record<DataScope, string>> = {
  own: '本人',
  org_unit: '本机构/部门',
  org_unit_and_below: '本机构及下级',
  all: '全部',
};

/**
 * The duty a role belongs to. 等保 2.0 三权分立: the system administrator, the security auditor and
 * the business roles are held by different people. External users of partner banks are their own
 * duty and never combine with staff roles.
 */
export type Duty = 'business' | 'system_administration' | 'security_audit' | 'external';

export interface RoleDefinition {
  readonly title: string;
  readonly duty: Duty;
  /** A second factor (TOTP) is required at sign-in. */
  readonly isPrivileged: boolean;
  readonly permissions: readonly Permission[];
  readonly dataScope: DataScope;
}

export const ROLES = {
  account_manager_a: {
    title: '客户经理（A角）',
    duty: 'business',
    isPrivileged: false,
    permissions: ['guarantee.read', 'guarantee.write', 'bi.read', 'pii.unmask'],
    dataScope: 'own',
  },
  account_manager_b: {
    title: '客户经理（B角）',
    duty: 'business',
    isPrivileged: false,
    permissions: ['guarantee.read', 'guarantee.write', 'bi.read'],
    dataScope: 'own',
  },
  risk_reviewer: {
    title: '风控审查',
    duty: 'business',
    isPrivileged: false,
    permissions: ['guarantee.read', 'guarantee.review', 'bi.read', 'pii.unmask'],
    dataScope: 'org_unit_and_below',
  },
  committee_member: {
    title: '评审委员',
    duty: 'business',
    isPrivileged: false,
    permissions: ['guarantee.read', 'guarantee.vote', 'bi.read'],
    dataScope: 'all',
  },
  approver: {
    title: '审批人',
    duty: 'business',
    isPrivileged: true,
    permissions: ['guarantee.read', 'guarantee.approve', 'bi.read', 'pii.unmask'],
    dataScope: 'org_unit_and_below',
  },
  risk_officer: {
    title: '风险官',
    duty: 'business',
    isPrivileged: true,
    permissions: ['guarantee.read', 'risk.monitor', 'bi.read', 'pii.unmask', 'data.export'],
    dataScope: 'all',
  },
  analyst: {
    title: '分析师',
    duty: 'business',
    isPrivileged: false,
    permissions: ['bi.read'],
    dataScope: 'org_unit_and_below',
  },
  data_engineer: {
    title: '数据工程师',
    duty: 'business',
    isPrivileged: true,
    permissions: ['data.pipeline.operate', 'bi.read'],
    dataScope: 'all',
  },
  data_steward: {
    title: '数据管理员',
    duty: 'business',
    isPrivileged: true,
    permissions: ['data.catalog.steward', 'bi.read', 'data.export'],
    dataScope: 'all',
  },
  system_admin: {
    title: '系统管理员',
    duty: 'system_administration',
    isPrivileged: true,
    permissions: ['admin.users', 'admin.roles', 'admin.sessions'],
    dataScope: 'own',
  },
  security_auditor: {
    title: '安全审计员',
    duty: 'security_audit',
    isPrivileged: true,
    permissions: ['audit.read'],
    dataScope: 'own',
  },
  partner_bank_user: {
    title: '合作银行用户',
    duty: 'external',
    isPrivileged: false,
    permissions: ['letter.verify', 'shared.read'],
    dataScope: 'own',
  },
} as const satisfies Readonly<Record<string, RoleDefinition>>;

export type Role = keyof typeof ROLES;

export const ROLE_CODES = Object.keys(ROLES) as readonly Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/** The role's definition, widened to the interface (the literal types are for declaration only). */
export function roleDefinition(role: Role): RoleDefinition {
  return ROLES[role];
}

/** Every permission the roles grant together. */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => roleDefinition(role).permissions));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => roleDefinition(role).permissions.includes(permission));
}

/** A second factor is required when any role held is privileged. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => roleDefinition(role).isPrivileged);
}

const SCOPE_WIDTH: Readonly<Record<DataScope, number>> = {
  own: 0,
  org_unit: 1,
  org_unit_and_below: 2,
  all: 3,
};

/** The widest data scope among the roles held that grant `permission`; undefined when none does. */
export function dataScopeFor(
  roles: readonly Role[],
  permission: Permission,
): DataScope | undefined {
  let widest: DataScope | undefined;
  for (const role of roles) {
    const definition = roleDefinition(role);
    if (!definition.permissions.includes(permission)) continue;
    if (widest === undefined || SCOPE_WIDTH[definition.dataScope] > SCOPE_WIDTH[widest]) {
      widest = definition.dataScope;
    }
  }
  return widest;
}
