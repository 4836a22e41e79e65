import { describe, expect, it } from 'vitest';
import {
  PERMISSION_CODES,
  PERMISSIONS,
  ROLE_CODES,
  ROLES,
  dataScopeFor,
  hasPermission,
  isRole,
  permissionsOf,
  requiresSecondFactor,
  roleDefinition,
  type Permission,
  type Role,
} from './roles.ts';

describe('the role declaration', () => {
  it('names every role of issue 12 once, each with a Chinese title', () => {
    expect(ROLE_CODES.map((role) => ROLES[role].title)).toEqual([
      '客户经理（A角）',
      '客户经理（B角）',
      '风控审查',
      '评审委员',
      '审批人',
      '风险官',
      '分析师',
      '数据工程师',
      '数据管理员',
      '系统管理员',
      '安全审计员',
      '合作银行用户',
    ]);
  });

  it('grants only declared permissions, and every permission to some role', () => {
    const granted = new Set(ROLE_CODES.flatMap((role) => roleDefinition(role).permissions));
    for (const permission of granted) expect(PERMISSION_CODES).toContain(permission);
    expect([...granted].sort()).toEqual([...PERMISSION_CODES].sort());
    expect(Object.keys(PERMISSIONS)).toEqual(PERMISSION_CODES);
  });

  it('isRole accepts role codes only', () => {
    expect(isRole('analyst')).toBe(true);
    expect(isRole('toString')).toBe(false);
    expect(isRole('admin')).toBe(false);
  });
});

const PERMISSION_TABLE: readonly [Role[], Permission, boolean][] = [
  [['analyst'], 'bi.read', true],
  [['analyst'], 'pii.unmask', false],
  [['analyst'], 'admin.users', false],
  [['system_admin'], 'admin.roles', true],
  [['system_admin'], 'audit.read', false],
  [['system_admin'], 'guarantee.read', false],
  [['security_auditor'], 'audit.read', true],
  [['security_auditor'], 'admin.users', false],
  [['account_manager_b'], 'pii.unmask', false],
  [['account_manager_a'], 'pii.unmask', true],
  [['partner_bank_user'], 'letter.verify', true],
  [['partner_bank_user'], 'bi.read', false],
  [['analyst', 'risk_reviewer'], 'guarantee.review', true],
  [[], 'bi.read', false],
];

describe('hasPermission', () => {
  it.each(PERMISSION_TABLE)('%j may %s: %s', (roles, permission, expected) => {
    expect(hasPermission(roles, permission)).toBe(expected);
    expect(permissionsOf(roles).has(permission)).toBe(expected);
  });
});

describe('requiresSecondFactor', () => {
  it.each([
    [['analyst'], false],
    [['account_manager_a'], false],
    [['system_admin'], true],
    [['security_auditor'], true],
    [['risk_officer'], true],
    [['approver'], true],
    [['analyst', 'data_engineer'], true],
  ] satisfies [Role[], boolean][])('%j: %s', (roles, expected) => {
    expect(requiresSecondFactor(roles)).toBe(expected);
  });
});

describe('dataScopeFor', () => {
  it.each([
    [['analyst'], 'bi.read', 'org_unit_and_below'],
    [['analyst', 'risk_officer'], 'bi.read', 'all'],
    [['account_manager_a'], 'guarantee.read', 'own'],
    [['analyst'], 'guarantee.read', undefined],
  ] satisfies [Role[], Permission, string | undefined][])(
    '%j for %s: %s',
    (roles, permission, scope) => {
      expect(dataScopeFor(roles, permission)).toBe(scope);
    },
  );
});
