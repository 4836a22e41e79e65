export {
  createAdminApiRouter,
  type AdminApiDependencies,
  type AdminApiRouter,
} from './admin-router.ts';
export { createOrgUnit, listOrgUnits, type OrgUnit, type OrgUnitCreation } from './org-units.ts';
export {
  auditFilterInput,
  orgUnitInput,
  passwordResetInput,
  roleChangeInput,
  sessionIdInput,
  staffUserInput,
  userIdInput,
  type AuditFilterInput,
  type OrgUnitInput,
  type StaffUserInput,
} from './schemas.ts';
export { listLiveSessions, revokeSession, type LiveSession } from './sessions.ts';
export {
  createStaffUser,
  disableStaffUser,
  listStaffUsers,
  resetStaffPassword,
  staffEmail,
  type AdminChange,
  type StaffUser,
} from './staff-users.ts';
export {
  DEMO_ORG_UNITS,
  DEMO_PASSWORD,
  seedDemoIdentities,
  seedDemoOrgUnits,
  totpCode,
  type DemoUser,
} from './demo-identities.ts';
