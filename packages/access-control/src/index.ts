export {
  DATA_SCOPES,
  DATA_SCOPE_TITLES,
  PERMISSIONS,
  PERMISSION_CODES,
  ROLES,
  ROLE_CODES,
  dataScopeFor,
  hasPermission,
  isRole,
  permissionsOf,
  requiresSecondFactor,
  roleDefinition,
  type DataScope,
  type Duty,
  type Permission,
  type Role,
  type RoleDefinition,
} from './roles.ts';
export {
  isInDataScope,
  isUnitWithin,
  unitsWithin,
  type OrgUnitParents,
  type ScopeViewer,
  type ScopedRecord,
} from './data-scope.ts';
export {
  checkRoleAssignment,
  checkRoleSet,
  type RoleAssignmentCheck,
} from './separation-of-duties.ts';
export {
  CLASSIFICATIONS,
  maskField,
  type Entitlement,
  type FieldClassification,
  type FieldKind,
  type Sensitivity,
} from './masking.ts';
