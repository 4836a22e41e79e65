export {
  appDbConfigFromEnv,
  embeddedAppDbOptionsFromEnv,
  EMBEDDED_POOL_MAX,
  POSTGRES_POOL_MAX,
  type AppDbConfig,
  type AppDbEnv,
} from './app-db-config.ts';
export { createPool, withTransaction, type Pool, type PoolClient } from './pool.ts';
export {
  migrate,
  verifyAppliedMigrations,
  MigrationHistoryError,
  MIGRATION_LOCK_KEY,
  type AppliedMigration,
  type MigrateResult,
} from './migrator.ts';
export {
  loadMigrations,
  migrationChecksum,
  parseMigrationFileName,
  MIGRATIONS_DIRECTORY,
  type Migration,
} from './migration-files.ts';
export {
  appendAuditEvent,
  listAuditEventsForSubject,
  queryAuditEvents,
  type AuditEvent,
  type AuditEventInput,
  type AuditQuery,
} from './audit-events.ts';
export {
  AUDIT_ACTIONS,
  auditActionTitle,
  isAuditAction,
  type AuditAction,
} from './audit-actions.ts';
export {
  recordBusinessDecision,
  recordDataExport,
  type BusinessDecision,
  type DataExport,
} from './business-audit.ts';
