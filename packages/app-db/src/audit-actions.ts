// The audit vocabulary: every action name written to app.audit_events, declared once with its
// Chinese title (the audit viewer's label). Writers use these names, never string literals.

export const AUDIT_ACTIONS = {
  // sign-in (@sg/identity)
  sign_in_succeeded: '登录成功',
  sign_in_first_factor_passed: '口令正确，待双因素验证',
  sign_in_second_factor_succeeded: '双因素验证通过，登录成功',
  sign_in_second_factor_failed: '双因素验证失败',
  sign_in_failed: '登录失败',
  sign_in_refused_locked: '账户锁定期间拒绝登录',
  account_locked: '账户锁定',
  two_factor_enabled: '启用双因素认证',
  two_factor_enrolment_failed: '启用双因素认证时验证码错误',
  two_factor_disable_refused: '拒绝特权用户关闭双因素认证',
  // accounts and permissions
  user_created: '创建用户',
  user_disabled: '停用用户',
  password_reset: '重置口令',
  session_revoked: '注销会话',
  org_unit_created: '创建机构',
  role_granted: '授予角色',
  role_revoked: '收回角色',
  role_grant_refused: '拒绝授予角色',
  // personal information (PIPL)
  consent_granted: '个人信息授权',
  consent_withdrawn: '撤回个人信息授权',
  field_unmasked: '查看未脱敏字段',
  // data leaving the platform and business decisions
  data_exported: '导出数据',
  business_decision_recorded: '业务决策',
} as const satisfies Readonly<Record<string, string>>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The Chinese title of an action; the raw name for one written before the vocabulary existed. */
export function auditActionTitle(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
