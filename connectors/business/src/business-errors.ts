// Errors of the legacy business database, on the shared SourceError base: the SQLSTATE says
// whether a retry can help.
import { SourceError } from '@sg/source-contract';

/**
 * SQLSTATE classes that a retry cannot fix: 28 invalid authorisation (wrong password, unknown
 * user), 3D unknown database, 42 access rule violation (no privilege, syntax), 0A feature not
 * supported. Connection problems (08), a server starting or shutting down (57), lock or
 * serialisation conflicts (40) and resource limits (53) are retried.
 */
const PERMANENT_SQLSTATE_CLASSES: ReadonlySet<string> = new Set(['28', '3D', '42', '0A']);

/** The SQLSTATE of a PostgreSQL (`code` + `severity`) or MariaDB (`sqlState`) driver error. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as { sqlState?: unknown; code?: unknown; severity?: unknown };
  if (typeof fields.sqlState === 'string') return fields.sqlState;
  if (typeof fields.severity === 'string' && typeof fields.code === 'string') return fields.code;
  return undefined;
}

/** The legacy business database refused the login, the database or the query. */
export const BUSINESS_DATABASE_REJECTED = 'BusinessDatabaseRejected';

/** The legacy database answered with an error (the driver's error is the cause). */
export class BusinessDatabaseError extends SourceError {
  override readonly name = 'BusinessDatabaseError';
  readonly sqlState: string;

  constructor(message: string, sqlState: string, options?: ErrorOptions) {
    super(message, options);
    this.sqlState = sqlState;
  }

  get retryable(): boolean {
    return !PERMANENT_SQLSTATE_CLASSES.has(this.sqlState.slice(0, 2));
  }

  override get failureType(): string {
    return BUSINESS_DATABASE_REJECTED;
  }

  override get failureMessage(): string {
    return `business database: ${this.message} (SQLSTATE ${this.sqlState})`;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { sqlState: this.sqlState };
  }
}

/** A driver error with a SQLSTATE as a BusinessDatabaseError; anything else unchanged. */
export function asBusinessDatabaseError(error: unknown): unknown {
  const sqlState = sqlStateOf(error);
  if (sqlState === undefined || error instanceof BusinessDatabaseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BusinessDatabaseError(message, sqlState, { cause: error });
}
