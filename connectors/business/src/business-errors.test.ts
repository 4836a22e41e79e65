import { describe, expect, it } from 'vitest';
import { BusinessDatabaseError, asBusinessDatabaseError, sqlStateOf } from './business-errors.ts';

/** A PostgreSQL driver error as `pg` throws it (DatabaseError: message, severity, code). */
const postgresError = (code: string, message: string): Error =>
  Object.assign(new Error(message), { severity: 'FATAL', code });

/** A MariaDB driver error as `mariadb` throws it (SqlError: errno, sqlState, code). */
const mariadbError = (sqlState: string, code: string, message: string): Error =>
  Object.assign(new Error(message), { sqlState, code, errno: 1045 });

/** Node's own connection error: a `code`, but no SQLSTATE. */
const CONNECTION_REFUSED = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5434'), {
  code: 'ECONNREFUSED',
});

describe('business database errors', () => {
  it('names the SQLSTATE of both drivers and nothing for errors without one', () => {
    expect(sqlStateOf(postgresError('28P01', 'x'))).toBe('28P01');
    expect(sqlStateOf(mariadbError('42000', 'ER_BAD_DB_ERROR', 'x'))).toBe('42000');
    expect(sqlStateOf(CONNECTION_REFUSED)).toBeUndefined();
    expect(sqlStateOf('28P01')).toBeUndefined();
  });

  it.each([
    ['28P01', 'password rejected', false],
    ['3D000', 'unknown database', false],
    ['42501', 'no privilege', false],
    ['0A000', 'feature not supported', false],
    ['57P03', 'server starting up', true],
    ['40001', 'serialisation conflict', true],
    ['08006', 'connection failure', true],
  ])('SQLSTATE %s (%s): retryable %s', (sqlState, message, retryable) => {
    const error = asBusinessDatabaseError(postgresError(sqlState, message));
    expect(error).toBeInstanceOf(BusinessDatabaseError);
    expect(error).toMatchObject({ sqlState, retryable, message });
  });

  it('leaves errors without a SQLSTATE unchanged (retried by the caller)', () => {
    expect(asBusinessDatabaseError(CONNECTION_REFUSED)).toBe(CONNECTION_REFUSED);
  });
});
