// The landing activity for each of the five registered sources (MockActivityEnvironment, each
// source's settings read by its own definition) against real inputs made from the tiny world
// (seed 640000): the commerce simulator serving it (child process), the legacy business database
// seeded into the real PostgreSQL (a database of its own, dropped after), the tax bureau's monthly
// drops of every period, the banks' drops and the finance system's month-end exports written by
// their simulators' CLIs, and a real DuckLake lake in a temp folder. Every entity reconciles with
// the world's manifest: landed + quarantined (+ bank copies collapsed across overlapping drops,
// − the finance exports' subtotal rows) = the world's rows.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { BUSINESS_DATABASE_REJECTED, BUSINESS_TABLES } from '@sg/connector-business';
import { TAX_DROP_REFUSED } from '@sg/connector-tax';
import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { SOURCE_INBOX_MISSING } from '@sg/source-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES, createPipelineRegistry } from '../assets/registry.ts';
import type { PipelineRegistry } from '../assets/registry.ts';
import { sourceConfigsFromEnv } from '../resources.ts';
import type { PipelineResources } from '../resources.ts';
import { runInActivityContext } from '../testing/local-temporal.ts';
import { writeTaxDrop } from '../testing/simulator-cli.ts';
import {
  prepareTinyWorldSources,
  receivedByAsset,
  reconcileWithWorld,
} from '../testing/tiny-world-sources.ts';
import type { TinyWorldSources } from '../testing/tiny-world-sources.ts';

import type { SourceLandingMetadata } from './activity-metadata.ts';
import { landSourceWindow } from './source-landing.ts';

const WINDOW = '2025-06-30';
let sources: TinyWorldSources;
let dir: string;
let periods: readonly string[];
let testLake: TestLake;
let resources: PipelineResources;
/** The registered sources; no dbt project (the landing activity does not build). */
const registry: PipelineRegistry = createPipelineRegistry({
  sources: SOURCES,
  dbtManifest: { nodes: {}, sources: {} },
});

beforeAll(async () => {
  [sources, testLake] = await Promise.all([
    prepareTinyWorldSources('sg_pipelines_business'),
    createTestLake('sqlite'),
  ]);
  ({ dir, periods } = sources);
  resources = {
    environment: 'local',
    lake: testLake.config,
    sources: sourceConfigsFromEnv(sources.env, 'local', dir),
    dbt: () => Promise.reject(new Error('dbt is not used by the landing activities')),
    dbtManifest: () => Promise.reject(new Error('dbt is not used by the landing activities')),
  };
}, 180_000);

afterAll(async () => {
  await sources.dispose();
  await testLake.dispose();
});

/** landed + quarantined (+ collapsed copies) and the world's rows, per raw table of the world. */
function reconciled(metadata: SourceLandingMetadata) {
  return reconcileWithWorld(sources.manifest, registry.source(metadata.source), metadata);
}

/** Lands one window of `source` as the activity does. */
function land(
  source: string,
  using: PipelineResources = resources,
): Promise<SourceLandingMetadata> {
  return runInActivityContext(() => landSourceWindow(using, registry, source, WINDOW));
}

/** Resources whose `source` reads the inbox `inboxDir` instead. */
function withInbox(source: 'tax' | 'bank', inboxDir: string): PipelineResources {
  return { ...resources, sources: { ...resources.sources, [source]: { inboxDir } } };
}

/** The tax periods a landing reports, as `{ period, sequence, drop }`. */
function taxPeriods(metadata: SourceLandingMetadata) {
  return metadata.details['periods'] as { period: string; sequence: number; drop: string }[];
}

/** Row count of a raw table in one window, read back from the lake. */
async function lakeRows(asset: string, window: string): Promise<number> {
  const lake = await openLake(testLake.config, { readOnly: true });
  try {
    const reader = await lake.connection.runAndReadAll(
      `select count(*)::integer as n from lake.${asset} where _window = $window`,
      { window },
    );
    return Number(reader.getRowObjectsJson()[0]?.['n']);
  } finally {
    lake.close();
  }
}

async function failureOf(run: () => Promise<unknown>): Promise<ApplicationFailure> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('landSource commerce (commerce simulator serving the tiny world)', () => {
  it('lands every commerce entity in full the first time; rows reconcile with the world', async () => {
    const result = await land('commerce');
    expect(result).toMatchObject({ source: 'commerce', title: '工商数据', window: WINDOW });
    expect(result.details).toMatchObject({ mode: 'full', since: null });
    expect(result.landings.map((l) => l.asset).sort()).toEqual(
      registry
        .landingAssetsOf('commerce')
        .map((a) => a.key)
        .sort(),
    );
    const { received, world } = reconciled(result);
    expect(Object.keys(world)).toHaveLength(9); // every commerce table but the change feed
    expect(received).toEqual(world);
    expect(receivedByAsset(result.landings)['raw_commerce.change_feed']).toBeGreaterThan(0);
    expect(result.details['feedCursor']).not.toBeNull();
    const enterprises = result.landings.find((l) => l.asset === 'raw_commerce.enterprises');
    expect(await lakeRows('raw_commerce.enterprises', WINDOW)).toBe(enterprises?.rowCount);
  });
});

describe('landSource business (the tiny world seeded into PostgreSQL)', () => {
  it('lands every legacy table in full; rows reconcile with the world; no deletions, no drift', async () => {
    const result = await land('business');
    const tables = result.details['tables'] as { table: string; mode: string }[];
    expect(tables.map((t) => t.table)).toEqual(BUSINESS_TABLES.map((t) => t.table));
    expect(tables.every((table) => table.mode === 'full')).toBe(true);
    expect(result.details['driftFindings']).toBe(0);
    const { received, world } = reconciled(result);
    expect(Object.keys(world).sort()).toEqual(tables.map((t) => `raw_business.${t.table}`).sort());
    expect(received).toEqual(world);
    const { 'raw_business.deletions': deletions, 'raw_business.schema_drift': drift } =
      receivedByAsset(result.landings);
    expect([deletions, drift]).toEqual([0, 0]);
    const customers = result.landings.find((l) => l.asset === 'raw_business.t_customer');
    expect(await lakeRows('raw_business.t_customer', WINDOW)).toBe(customers?.rowCount);
  });

  it('fails for good (non-retryable) when the database does not exist', async () => {
    const url = new URL(sources.businessDb.url);
    url.pathname = '/sg_pipelines_no_such_database';
    const failure = await failureOf(() =>
      land('business', {
        ...resources,
        sources: { ...resources.sources, business: { url: url.toString() } },
      }),
    );
    expect(failure).toMatchObject({ type: BUSINESS_DATABASE_REJECTED, nonRetryable: true });
    expect(failure.message).toMatch(/SQLSTATE 3D000/);
  });
});

describe('landSource tax (the tax simulator’s monthly drops of every period)', () => {
  let first: SourceLandingMetadata;

  it('lands every period in order, window = period; rows reconcile with the world', async () => {
    first = await land('tax');
    expect(periods.length).toBeGreaterThan(12);
    expect(taxPeriods(first).map((p) => p.period)).toEqual(periods);
    expect(taxPeriods(first).every((p) => p.sequence === 1)).toBe(true);
    expect(first.details).toMatchObject({
      supersededDrops: [],
      incompleteDrops: [],
      refusedDrops: [],
    });
    expect(new Set(first.landings.map((l) => l.window))).toEqual(new Set(periods));
    const { received, world } = reconciled(first);
    expect(Object.keys(world)).toEqual(['raw_tax.vat_invoices', 'raw_tax.tax_payments']);
    expect(received).toEqual(world);
    const [last] = first.landings.filter(
      (l) => l.asset === 'raw_tax.vat_invoices' && l.window === periods.at(-1),
    );
    expect(await lakeRows('raw_tax.vat_invoices', periods.at(-1) ?? '')).toBe(last?.rowCount);
  });

  it('re-running lands the same periods with the same rows; a correction (_02) replaces its month', async () => {
    const corrected = periods[1] ?? '';
    await writeTaxDrop(sources.worldDir, sources.inboxes.tax, corrected, 2);
    await mkdir(path.join(sources.inboxes.tax, '2099-01_01')); // still being delivered
    const again = await land('tax');
    expect(taxPeriods(again).map((p) => p.period)).toEqual(periods);
    expect(taxPeriods(again).find((p) => p.period === corrected)).toMatchObject({
      sequence: 2,
      drop: `${corrected}_02`,
    });
    expect(again.details).toMatchObject({
      supersededDrops: [`${corrected}_01`],
      incompleteDrops: ['2099-01_01'],
    });
    const counts = (m: SourceLandingMetadata) =>
      m.landings.map((l) => [l.asset, l.window, l.rowCount, l.quarantinedCount, l.checksum]);
    expect(counts(again)).toEqual(counts(first));
    for (const landing of again.landings.filter((l) => l.window === corrected)) {
      expect(await lakeRows(landing.asset, corrected)).toBe(landing.rowCount);
    }
  });

  it('a refused drop does not stop the other periods: they land, then it fails for good naming it', async () => {
    const inbox = path.join(dir, 'tax-inbox-damaged');
    const [good, bad] = periods;
    for (const period of [good, bad]) {
      await cp(
        path.join(sources.inboxes.tax, `${period ?? ''}_01`),
        path.join(inbox, `${period ?? ''}_01`),
        { recursive: true },
      );
    }
    const damaged = path.join(
      inbox,
      `${bad ?? ''}_01`,
      `tax_payments_${(bad ?? '').replace('-', '')}.csv`,
    );
    await writeFile(damaged, `${await readFile(damaged, 'utf8')}\n`);
    const failure = await failureOf(() => land('tax', withInbox('tax', inbox)));
    expect(failure).toMatchObject({ type: TAX_DROP_REFUSED, nonRetryable: true });
    expect(failure.message).toContain(`${bad ?? ''}_01`);
    expect(failure.message).toContain('checksum_mismatch');
    const [landed] = failure.details as [SourceLandingMetadata];
    expect(taxPeriods(landed).map((p) => p.period)).toEqual([good]);
    const refused = landed.details['refusedDrops'] as { drop: string; kind: string }[];
    expect(refused.map((r) => [r.drop, r.kind])).toEqual([
      [`${bad ?? ''}_01`, 'checksum_mismatch'],
    ]);
  });
});

describe('landSource bank (the bank simulator’s drops of the tiny world)', () => {
  it('lands every bank entity as one window; rows reconcile with the world', async () => {
    const result = await land('bank');
    expect((result.details['dropIds'] as string[]).length).toBeGreaterThan(0);
    expect(result.details['unlistedFiles']).toEqual([]);
    const { received, world } = reconciled(result);
    expect(Object.keys(world)).toHaveLength(5); // every bank table
    expect(received).toEqual(world);
    const transactions = result.landings.find((l) => l.asset === 'raw_bank.transactions');
    expect(await lakeRows('raw_bank.transactions', WINDOW)).toBe(transactions?.rowCount);
  });

  it.each(['bank', 'tax'] as const)(
    'fails for good when the %s inbox does not exist',
    async (source) => {
      const missing = path.join(dir, `no-${source}-inbox`);
      const failure = await failureOf(() => land(source, withInbox(source, missing)));
      expect(failure).toMatchObject({ type: SOURCE_INBOX_MISSING, nonRetryable: true });
      expect(failure.message).toContain(missing);
    },
  );
});

describe('landSource finance (the finance simulator’s month-end exports of the tiny world)', () => {
  it('lands every month, window = month, the restated month once; rows reconcile with the world', async () => {
    const result = await land('finance');
    const months = result.details['periods'] as { period: string; sequence: number }[];
    expect(months.map((m) => m.period)).toEqual([...months.map((m) => m.period)].sort());
    expect(months.filter((m) => m.sequence === 2)).toHaveLength(1);
    expect(result.details['supersededDrops']).toHaveLength(1);
    const { received, world } = reconciled(result);
    expect(Object.keys(world)).toHaveLength(3); // every finance table
    expect(received).toEqual(world);
  });
});

describe('the landing assets of the registry', () => {
  it('are exactly the raw tables the five activities wrote into the lake', async () => {
    const lake = await openLake(testLake.config, { readOnly: true });
    try {
      const reader = await lake.connection.runAndReadAll(
        `select table_schema || '.' || table_name as asset from information_schema.tables
          where table_catalog = 'lake' and table_schema like 'raw\\_%' escape '\\'
            and table_name not like '%\\_\\_quarantine' escape '\\'
          order by 1`,
      );
      const written = reader
        .getRowObjectsJson()
        .map((row) => (typeof row['asset'] === 'string' ? row['asset'] : ''));
      expect(written).toEqual(
        SOURCES.flatMap((source) => registry.landingAssetsOf(source.name).map((a) => a.key)).sort(),
      );
    } finally {
      lake.close();
    }
  });
});
