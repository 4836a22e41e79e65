export {
  createIdentityAuth,
  DEFAULT_SESSION_SECONDS,
  type IdentityAuth,
  type IdentityAuthOptions,
} from './auth.ts';
export { hashPassword, verifyPassword } from './password-hash.ts';
export { lockoutState, LOCKOUT_FAILURES, LOCKOUT_WINDOW_MS, type LockoutState } from './lockout.ts';
export {
  MIN_PASSWORD_LENGTH,
  PASSWORD_HISTORY_DEPTH,
  passwordPolicyViolations,
} from './password-policy.ts';
export {
  grantRole,
  revokeRole,
  rolesOf,
  type RoleChange,
  type RoleGrantResult,
} from './role-grants.ts';
export {
  activeConsent,
  CONSENT_PURPOSES,
  grantConsent,
  listConsents,
  withdrawConsent,
  type Consent,
  type ConsentKey,
  type ConsentPurpose,
} from './consents.ts';
export {
  exceededSmsLimit,
  SMS_LIMITS,
  SmsOutbox,
  smsCodeText,
  type SmsLimit,
  type SmsMessage,
  type SmsSender,
} from './sms.ts';
export {
  isRecentPassword,
  passwordReuseMessage,
  recentPasswordHashes,
  recordCurrentPassword,
} from './password-history.ts';
export { isSecondFactorPending } from './second-factor-audit.ts';
export { revealField, type RevealRequest } from './unmasking.ts';
export {
  AliyunSmsSender,
  DEV_SMS_ACCOUNT,
  SmsGatewayError,
  smsGatewayConfigFromEnv,
  type AliyunSmsSenderOptions,
  type SmsGatewayConfig,
} from './aliyun-sms-sender.ts';
