import { describe, expect, it } from 'vitest';
import type { Role } from './roles.ts';
import { checkRoleAssignment, checkRoleSet } from './separation-of-duties.ts';

const TABLE: readonly [Role[], Role, boolean][] = [
  [[], 'system_admin', true],
  [['analyst'], 'risk_reviewer', true],
  [['account_manager_a'], 'approver', true],
  [['system_admin'], 'security_auditor', false],
  [['security_auditor'], 'system_admin', false],
  [['analyst'], 'system_admin', false],
  [['system_admin'], 'analyst', false],
  [['security_auditor'], 'risk_officer', false],
  [['partner_bank_user'], 'analyst', false],
  [['analyst'], 'partner_bank_user', false],
];

describe('checkRoleAssignment (三权分立)', () => {
  it.each(TABLE)('holding %j, adding %s: %s', (held, adding, ok) => {
    expect(checkRoleAssignment(held, adding).ok).toBe(ok);
  });

  it('explains the conflict in Chinese', () => {
    const check = checkRoleAssignment(['system_admin'], 'security_auditor');
    expect(check).toEqual({
      ok: false,
      conflictsWith: 'system_admin',
      message: '职责分离：系统管理员（系统管理）与安全审计员（安全审计）不能由同一人担任',
    });
  });

  it('checks a whole set', () => {
    expect(checkRoleSet(['analyst', 'risk_reviewer']).ok).toBe(true);
    expect(checkRoleSet(['analyst', 'security_auditor']).ok).toBe(false);
  });
});
