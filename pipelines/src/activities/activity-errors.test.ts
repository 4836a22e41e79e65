// Which connector errors fail an activity for good (non-retryable) and which are left to the
// workflow's retry policy. The errors are the connectors' own classes, as they throw them.
import { ApplicationFailure } from '@temporalio/common';
import { BANK_DROP_REFUSED, BankFileError } from '@sg/connector-bank';
import { BUSINESS_DATABASE_REJECTED, asBusinessDatabaseError } from '@sg/connector-business';
import { COMMERCE_API_REJECTED, CommerceApiError } from '@sg/connector-commerce';
import { TAX_DROP_REFUSED, TaxFileError } from '@sg/connector-tax';
import {
  SOURCE_INBOX_MISSING,
  SOURCE_REJECTED,
  SourceConfigError,
  SourceInboxMissingError,
} from '@sg/source-contract';
import { describe, expect, it } from 'vitest';
import { INVALID_ARGUMENT, asActivityError } from './activity-errors.ts';

const commerceError = (kind: 'authentication' | 'server' | 'network' | 'protocol') =>
  new CommerceApiError('接口错误', { kind, request: 'GET /v1/enterprises' });

/**
 * A PostgreSQL driver error as `pg` throws it (DatabaseError: message, severity, code), as the
 * business connector raises it (wrapped in its BusinessDatabaseError).
 */
function postgresError(code: string, message: string): Error {
  return asBusinessDatabaseError(
    Object.assign(new Error(message), { severity: 'FATAL', code }),
  ) as Error;
}

/** A MariaDB driver error as `mariadb` throws it (SqlError: errno, sqlState, code), wrapped. */
function mariadbError(sqlState: string, code: string, message: string): Error {
  return asBusinessDatabaseError(
    Object.assign(new Error(message), { sqlState, code, errno: 1045 }),
  ) as Error;
}

/** Node's own connection error: a `code`, but no SQLSTATE. */
const CONNECTION_REFUSED = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5434'), {
  code: 'ECONNREFUSED',
});

const PERMANENT = [
  {
    name: 'COMMERCE_AUTHENTICATION',
    input: commerceError('authentication'),
    type: COMMERCE_API_REJECTED,
  },
  { name: 'COMMERCE_PROTOCOL', input: commerceError('protocol'), type: COMMERCE_API_REJECTED },
  {
    name: 'BUSINESS_POSTGRES_PASSWORD_REJECTED',
    input: postgresError('28P01', 'password authentication failed for user "etl_reader"'),
    type: BUSINESS_DATABASE_REJECTED,
  },
  {
    name: 'BUSINESS_POSTGRES_UNKNOWN_DATABASE',
    input: postgresError('3D000', 'database "guarantee" does not exist'),
    type: BUSINESS_DATABASE_REJECTED,
  },
  {
    name: 'BUSINESS_POSTGRES_NO_PRIVILEGE',
    input: postgresError('42501', 'permission denied for table t_customer'),
    type: BUSINESS_DATABASE_REJECTED,
  },
  {
    name: 'BUSINESS_MARIADB_ACCESS_DENIED',
    input: mariadbError('28000', 'ER_ACCESS_DENIED_ERROR', "Access denied for user 'etl'"),
    type: BUSINESS_DATABASE_REJECTED,
  },
  {
    name: 'TAX_CHECKSUM_MISMATCH',
    input: new TaxFileError('checksum_mismatch', 'vat_invoices_202505.csv 的 sha256 与清单不符'),
    type: TAX_DROP_REFUSED,
  },
  {
    name: 'BANK_UNKNOWN_LAYOUT',
    input: new BankFileError('unknown_layout', '无法识别的流水格式', 'NX-2025-06/明细.csv'),
    type: BANK_DROP_REFUSED,
  },
  {
    name: 'INBOX_MISSING',
    input: new SourceInboxMissingError('银行文件投递目录', '/srv/exchange/bank'),
    type: SOURCE_INBOX_MISSING,
  },
  {
    name: 'SOURCE_SETTINGS_INVALID',
    input: new SourceConfigError('工商数据接口配置不完整：缺少 SG_COMMERCE_API_KEY'),
    type: SOURCE_REJECTED,
  },
  { name: 'INVALID_WINDOW', input: new RangeError('窗口标识无效'), type: INVALID_ARGUMENT },
];

const RETRIED = [
  { name: 'COMMERCE_SERVER_5XX', input: commerceError('server') },
  { name: 'COMMERCE_NETWORK', input: commerceError('network') },
  { name: 'CATALOG_LOCKED', input: new Error('database is locked') },
  { name: 'BUSINESS_DB_NOT_UP_YET', input: CONNECTION_REFUSED },
  {
    name: 'BUSINESS_POSTGRES_STARTING_UP',
    input: postgresError('57P03', 'the database system is starting up'),
  },
  {
    name: 'BUSINESS_POSTGRES_SERIALIZATION',
    input: postgresError('40001', 'could not serialize access'),
  },
];

describe('asActivityError', () => {
  it.each(PERMANENT)('$name → non-retryable $type', ({ input, type }) => {
    const result = asActivityError(input);
    expect(result).toBeInstanceOf(ApplicationFailure);
    expect(result).toMatchObject({ type, nonRetryable: true, cause: input });
    expect((result as ApplicationFailure).message).toContain(input.message);
  });

  it.each(RETRIED)('$name → rethrown unchanged (retried)', ({ input }) => {
    expect(asActivityError(input)).toBe(input);
  });

  it('keeps an ApplicationFailure the activity raised itself', () => {
    const failure = ApplicationFailure.nonRetryable('已拒绝', 'Custom');
    expect(asActivityError(failure)).toBe(failure);
  });
});
