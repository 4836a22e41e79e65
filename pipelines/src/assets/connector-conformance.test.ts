// Connector conformance: every registered source's connector against the common contract — the
// same file set (Evidence's uniform connectors), a definition that documents its raw tables, its
// settings read per environment (a local default, required in production), a land function that
// owns its inbox or cursor, and errors on the one shared SourceError base with `retryable`. A new
// connector joins SOURCES and this table, and is held to the same.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as bank from '@sg/connector-bank';
import * as business from '@sg/connector-business';
import * as commerce from '@sg/connector-commerce';
import * as finance from '@sg/connector-finance';
import * as tax from '@sg/connector-tax';
import { openLake } from '@sg/lake';
import type { ColumnType, Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { SourceConfigError, SourceError, SourceInboxMissingError } from '@sg/source-contract';
import type { SourceDefinition } from '@sg/source-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { findRepoRoot } from '@sg/runtime-env';
import { SOURCES } from './registry.ts';

/** What each connector's contract consists of, by the connector's own exports. */
interface ConnectorContract {
  readonly definition: SourceDefinition;
  /** How it reads the source: an API or database client, or an inbox of delivered files. */
  readonly reads: 'client' | 'inbox';
  /** The live client factory, or the inbox reader. */
  readonly reader: (...args: never[]) => unknown;
  /** Where tests get the source without the real system: a snapshot client or fixture folder. */
  readonly offline: { readonly file: string };
  /** The zod schemas of what the source delivers. */
  readonly schemas: readonly ZodType[];
  /** The land function the definition calls. */
  readonly land: (...args: never[]) => Promise<unknown>;
  /**
   * How it knows where to resume or what to read: its inbox, or a cursor it keeps in the lake
   * (read here from an empty lake: none yet, so the first landing is full).
   */
  readonly owns: 'inbox' | { readonly cursor: (lake: Lake) => Promise<string | null> };
  /** One error of each class it throws, with whether a retry can fix it. */
  readonly errors: readonly { readonly error: unknown; readonly retryable: boolean }[];
}

const CONTRACTS: Readonly<Record<string, ConnectorContract>> = {
  commerce: {
    definition: commerce.commerceSource,
    reads: 'client',
    reader: commerce.createCommerceClient,
    offline: { file: 'snapshot-client.ts' },
    schemas: [commerce.vendorEnterpriseSchema, commerce.changeFeedPageSchema],
    land: commerce.landCommerceSource,
    owns: { cursor: (lake) => commerce.readCommerceFeedCursor(lake, '2025-06-30') },
    errors: [
      {
        error: new commerce.CommerceApiError('限流', { kind: 'rate_limited', request: 'GET /' }),
        retryable: true,
      },
      {
        error: new commerce.CommerceApiError('签名无效', {
          kind: 'authentication',
          request: 'GET /',
        }),
        retryable: false,
      },
    ],
  },
  business: {
    definition: business.businessSource,
    reads: 'client',
    reader: business.createBusinessClient,
    offline: { file: 'snapshot-client.ts' },
    schemas: [business.businessClientConfigSchema, business.businessSnapshotSchema],
    land: business.landBusinessWindow,
    owns: {
      cursor: async (lake) => {
        const [customers] = business.BUSINESS_TABLES.filter((t) => t.table === 't_customer');
        if (customers === undefined) throw new Error('t_customer is not declared');
        const connection = await lake.connect();
        try {
          return await business.previousWatermark(connection, customers, '2025-06-30');
        } finally {
          connection.closeSync();
        }
      },
    },
    errors: [
      { error: new business.BusinessDatabaseError('启动中', '57P03'), retryable: true },
      { error: new business.BusinessDatabaseError('密码错误', '28P01'), retryable: false },
    ],
  },
  tax: {
    definition: tax.taxSource,
    reads: 'inbox',
    reader: tax.scanTaxInbox,
    offline: { file: 'testing/drop-fixtures.ts' },
    schemas: [tax.dropManifestSchema, tax.taxEnvelopeSchema],
    land: tax.landTaxInbox,
    owns: 'inbox',
    errors: [
      {
        error: new tax.TaxApiError('服务端错误', { kind: 'server', request: 'GET /' }),
        retryable: true,
      },
      {
        error: new tax.TaxApiError('授权过期', { kind: 'authorization_expired', request: 'GET /' }),
        retryable: false,
      },
      { error: new tax.TaxFileError('checksum_mismatch', 'sha256 不符'), retryable: false },
    ],
  },
  bank: {
    definition: bank.bankSource,
    reads: 'inbox',
    reader: bank.extractBankDrops,
    offline: { file: 'testing/simulated-drops.ts' },
    schemas: [bank.dropManifestSchema],
    land: bank.landBankDrops,
    owns: 'inbox',
    errors: [{ error: new bank.BankFileError('unknown_layout', '无法识别'), retryable: false }],
  },
  finance: {
    definition: finance.financeSource,
    reads: 'inbox',
    reader: finance.scanFinanceInbox,
    offline: { file: 'testing/simulated-drops.ts' },
    schemas: [finance.dropManifestSchema, finance.balanceSheetLineSchema],
    land: finance.landFinanceInbox,
    owns: 'inbox',
    errors: [
      {
        error: new finance.FinanceFileError('totals_mismatch', '资产负债表不平'),
        retryable: false,
      },
    ],
  },
};

/** Every connector has these files (Evidence: the same file set per connector). */
const COMMON_FILES = ['index.ts', 'schemas.ts', 'type-mapping.ts', 'source-definition.ts'];

const COLUMN_TYPES: readonly ColumnType[] = [
  'VARCHAR',
  'BIGINT',
  'INTEGER',
  'DOUBLE',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
];

const HAN = /\p{Script=Han}/u;

let testLake: TestLake;
let lake: Lake;
let scratch: string;

beforeAll(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  scratch = await mkdtemp(path.join(tmpdir(), 'sg-conformance-'));
});

afterAll(async () => {
  lake.close();
  await testLake.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('connector conformance', () => {
  it('covers every registered source, and nothing else', () => {
    expect(Object.keys(CONTRACTS).sort()).toEqual(SOURCES.map((s) => s.name).sort());
    for (const source of SOURCES) expect(CONTRACTS[source.name]?.definition).toBe(source);
  });

  describe.each(SOURCES.map((source) => [source.name, source] as const))('%s', (name, source) => {
    const found = CONTRACTS[name];
    if (found === undefined) throw new Error(`no contract entry for the source ${name}`);
    const contract: ConnectorContract = found;
    const dir = path.join(findRepoRoot(), 'connectors', name, 'src');

    it('has the common file set, a client or inbox reader and an offline source for tests', () => {
      for (const file of COMMON_FILES) expect(existsSync(path.join(dir, file)), file).toBe(true);
      if (contract.reads === 'client') expect(existsSync(path.join(dir, 'client.ts'))).toBe(true);
      expect(typeof contract.reader).toBe('function');
      expect(existsSync(path.join(dir, contract.offline.file)), contract.offline.file).toBe(true);
      expect(typeof contract.land).toBe('function');
      for (const schema of contract.schemas) expect(typeof schema.safeParse).toBe('function');
    });

    it('declares a lower-case name, a Chinese title and a partitioning', () => {
      expect(source.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(source.title).toMatch(HAN);
      expect(['window', 'period']).toContain(source.partitioning);
    });

    it('documents every raw table: grain first, Chinese title, typed columns with Chinese descriptions', () => {
      const entities = source.rawTables.map((table) => table.entity);
      expect(new Set(entities).size).toBe(entities.length);
      for (const table of source.rawTables) {
        expect(table.entity).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(table.title, table.entity).toMatch(HAN);
        expect(table.description, table.entity).toMatch(/^One row per /);
        expect(table.columns.length, table.entity).toBeGreaterThan(0);
        for (const column of table.columns) {
          expect(column.name, `${table.entity}.${column.name}`).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(COLUMN_TYPES, `${table.entity}.${column.name}`).toContain(column.type);
          expect(column.description ?? '', `${table.entity}.${column.name}`).toMatch(HAN);
        }
      }
    });

    it('reads its settings per environment: a local default, required in production', () => {
      const dataDir = '/srv/sg';
      expect(() =>
        source.configFromEnvironment({ environment: 'local', env: {}, dataDir }),
      ).not.toThrow();
      expect(() =>
        source.configFromEnvironment({ environment: 'production', env: {}, dataDir }),
      ).toThrow(SourceConfigError);
      expect(() =>
        source.configFromEnvironment({ environment: 'production', env: {}, dataDir }),
      ).toThrow(/SG_[A-Z_]+/);
    });

    it('raises only errors on the shared SourceError base, each saying whether to retry', () => {
      for (const { error, retryable } of contract.errors) {
        expect(error).toBeInstanceOf(SourceError);
        expect(error).toBeInstanceOf(Error);
        expect((error as SourceError).retryable, (error as Error).name).toBe(retryable);
      }
    });

    it('owns its inbox or its cursor', async () => {
      const { owns } = contract;
      if (owns === 'inbox') {
        const missing = path.join(scratch, `no-${name}-inbox`);
        const config = source.configFromEnvironment({
          environment: 'production',
          env: { [`SG_${name.toUpperCase()}_INBOX_DIR`]: missing },
          dataDir: scratch,
        });
        await expect(source.land(lake, config, { window: '2025-06-30' })).rejects.toBeInstanceOf(
          SourceInboxMissingError,
        );
      } else {
        expect(await owns.cursor(lake)).toBeNull();
      }
    });
  });
});
