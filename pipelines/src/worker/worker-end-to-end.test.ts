// End to end with every real part: the tiny world's five sources (commerce simulator as a child
// process, the legacy database seeded into PostgreSQL, the tax, bank and finance simulators' drops
// in their inboxes), a fresh lake, the real activities and resources (chosen from environment variables, as
// in production), the dbt project, a Temporal dev server and the pipelines worker running
// `sourcesLandingAndBuild`. Run for both lake catalogs: SQLite (the local default) and PostgreSQL
// (the production setting); the sources are made once and shared. What a user relies on: every
// source's rows reconcile with the world, the mart holds every landed enterprise, and running the
// window again changes nothing.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { lakeConfigToEnv, openLake } from '@sg/lake';
import { TEST_CATALOG_KINDS, createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import type { LandingMetadata, SourceLandingMetadata } from '../activities/activity-metadata.ts';
import { SOURCES } from '../assets/registry.ts';
import { runSourcesLanding } from '../client/sources-landing-run.ts';
import type { SourcesLandingRun } from '../client/sources-landing-run.ts';
import { resourcesFromEnv } from '../resources.ts';
import type { PipelineResources } from '../resources.ts';
import { startLocalTemporal } from '../testing/local-temporal.ts';
import {
  prepareTinyWorldSources,
  receivedByAsset,
  reconcileWithWorld,
} from '../testing/tiny-world-sources.ts';
import type { TinyWorldSources } from '../testing/tiny-world-sources.ts';
import type { SourcesLandingAndBuildResult } from '../workflows/sources-landing-and-build.ts';
import { createPipelinesWorker } from './create-worker.ts';

const WINDOW = '2025-06-30';
const MARTS_ENTERPRISES = 'marts.enterprises';

let sources: TinyWorldSources;

beforeAll(async () => {
  sources = await prepareTinyWorldSources('sg_pipelines_e2e');
}, 240_000);

afterAll(async () => {
  await sources.dispose();
});

/** Rows, quarantined rows and checksum of every landing, in a stable order. */
function landingFigures(result: SourcesLandingAndBuildResult): string[] {
  const landings: LandingMetadata[] = Object.values(result.sources).flatMap((s) => s.landings);
  return landings
    .map(
      (l) =>
        `${l.asset}@${l.window}: ${String(l.rowCount)}+${String(l.quarantinedCount)} ${l.checksum}`,
    )
    .sort();
}

/** The metadata of a source that landed (fails the test if it did not). */
function landed(result: SourcesLandingAndBuildResult, source: string): SourceLandingMetadata {
  const metadata = result.sources[source];
  if (metadata === undefined) throw new Error(`${source} did not land`);
  return metadata;
}

describe.each(TEST_CATALOG_KINDS)('sourcesLandingAndBuild end to end, %s catalog', (kind) => {
  const taskQueue = `e2e-${kind}-${crypto.randomUUID()}`;
  let testLake: TestLake;
  let temporal: TestWorkflowEnvironment;
  let resources: PipelineResources;
  let worker: Worker;
  let running: Promise<void>;
  let first: SourcesLandingRun;

  beforeAll(async () => {
    [testLake, temporal] = await Promise.all([createTestLake(kind), startLocalTemporal()]);
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('SG_LAKE_')),
    );
    resources = resourcesFromEnv({
      ...inherited,
      ...lakeConfigToEnv(testLake.config),
      ...sources.env,
      SG_ENV: 'local',
    });
    worker = await createPipelinesWorker({
      connection: temporal.nativeConnection,
      activities: createActivities(resources),
      taskQueue,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await temporal.teardown();
    await testLake.dispose();
  });

  async function martRowCount(): Promise<number> {
    const lake = await openLake(resources.lake, { readOnly: true });
    try {
      const reader = await lake.connection.runAndReadAll(
        'select count(*)::integer as n from lake.marts.enterprises',
      );
      return Number(reader.getRowObjects()[0]?.['n']);
    } finally {
      lake.close();
    }
  }

  it('chose the catalog and every source from the environment', () => {
    expect(resources.lake.catalog.kind).toBe(kind);
    expect(resources.sources).toMatchObject({
      commerce: { baseUrl: sources.simulator.url },
      business: { url: sources.businessDb.url },
      tax: { inboxDir: sources.inboxes.tax },
      bank: { inboxDir: sources.inboxes.bank },
      finance: { inboxDir: sources.inboxes.finance },
    });
  });

  it('lands all five sources, every row reconciling with the world, then builds the mart', async () => {
    first = await runSourcesLanding(temporal.client, { window: WINDOW, taskQueue });
    expect(first.outcome).toBe('started');
    const { dbt, planned } = first.result;
    expect(planned.map((source) => source.name)).toEqual([
      'commerce',
      'business',
      'tax',
      'bank',
      'finance',
    ]);
    for (const source of SOURCES) {
      const { received, world } = reconcileWithWorld(
        sources.manifest,
        source,
        landed(first.result, source.name),
      );
      expect(Object.keys(world).length, source.name).toBeGreaterThan(0);
      expect(received, source.name).toEqual(world);
    }
    const commerce = landed(first.result, 'commerce');
    expect(commerce.details['mode']).toBe('full');
    expect(receivedByAsset(commerce.landings)['raw_commerce.change_feed']).toBeGreaterThan(0);
    const business = receivedByAsset(landed(first.result, 'business').landings);
    expect([business['raw_business.deletions'], business['raw_business.schema_drift']]).toEqual([
      0, 0,
    ]);
    const periods = landed(first.result, 'tax').details['periods'] as { period: string }[];
    expect(periods.map((p) => p.period)).toEqual(sources.periods);

    if (dbt === null) throw new Error('dbt did not build');
    expect(dbt).toMatchObject({ success: true, problems: [] });
    expect(dbt.select.split(' ')).toEqual(
      expect.arrayContaining([
        '+enterprises',
        '+int_customers__match_issues',
        '+regulatory_monthly_report',
        '+stg_bank__transactions',
      ]),
    );
    expect(dbt.statusCounts.error + dbt.statusCounts.fail).toBe(0);
    expect(dbt.statusCounts.pass).toBeGreaterThan(0);
    // Every model and seed downstream of the sources and what they read, as dbt's manifest says.
    expect([...dbt.assets.map((asset) => asset.asset)].sort()).toEqual([
      'intermediate.int_customers__match_candidates',
      'intermediate.int_customers__match_issues',
      'intermediate.int_customers__matched',
      'intermediate.int_ledger__company_figures',
      'intermediate.int_ledger__customer_sizes',
      'intermediate.int_ledger__customers',
      'intermediate.int_ledger__events',
      'intermediate.int_ledger__guarantees',
      'intermediate.int_regulatory__company_months',
      'intermediate.int_regulatory__customers',
      'intermediate.int_regulatory__limits',
      'intermediate.int_regulatory__month_ends',
      'intermediate.int_regulatory__options',
      MARTS_ENTERPRISES,
      'marts.reg_client_concentrations',
      'marts.reg_company_indicators',
      'marts.reg_compensation_flows',
      'marts.reg_fee_cap_checks',
      'marts.reg_group_concentrations',
      'marts.reg_guarantee_exposures',
      'marts.reg_policy_shares',
      'marts.regulatory_monthly_report',
      'reference.ref_business_codes',
      'reference.ref_industries',
      'reference.ref_regions',
      'reference.reg_bond_ratings',
      'reference.reg_national_limits',
      'reference.reg_options',
      'reference.reg_province_overrides',
      'reference.reg_risk_weights',
      'reference.reg_sme_industry_groups',
      'reference.reg_sme_size_thresholds',
      'staging.stg_bank__accounts',
      'staging.stg_bank__loan_schedules',
      'staging.stg_bank__loans',
      'staging.stg_bank__repayments',
      'staging.stg_bank__transactions',
      'staging.stg_business__applications',
      'staging.stg_business__approval_logs',
      'staging.stg_business__bank_credit_lines',
      'staging.stg_business__bank_partners',
      'staging.stg_business__collateral_registrations',
      'staging.stg_business__compensation_claims',
      'staging.stg_business__compensations',
      'staging.stg_business__counter_guarantees',
      'staging.stg_business__credit_report_guarantees',
      'staging.stg_business__customer_credit_lines',
      'staging.stg_business__customers',
      'staging.stg_business__deletions',
      'staging.stg_business__deposit_refunds',
      'staging.stg_business__dictionary',
      'staging.stg_business__fees',
      'staging.stg_business__guarantee_contracts',
      'staging.stg_business__loans',
      'staging.stg_business__org_units',
      'staging.stg_business__post_checks',
      'staging.stg_business__products',
      'staging.stg_business__projects',
      'staging.stg_business__recoveries',
      'staging.stg_business__related_parties',
      'staging.stg_business__releases',
      'staging.stg_business__repayments',
      'staging.stg_business__risk_classes',
      'staging.stg_business__risk_shares',
      'staging.stg_business__schema_drift',
      'staging.stg_business__users',
      'staging.stg_business__write_offs',
      'staging.stg_commerce__abnormal_operations',
      'staging.stg_commerce__annual_reports',
      'staging.stg_commerce__changes',
      'staging.stg_commerce__court_cases',
      'staging.stg_commerce__enforcements',
      'staging.stg_commerce__enterprises',
      'staging.stg_commerce__executives',
      'staging.stg_commerce__penalties',
      'staging.stg_commerce__shareholders',
      'staging.stg_finance__balance_sheet_items',
      'staging.stg_finance__income_statement_items',
      'staging.stg_finance__supplementary_items',
      'staging.stg_tax__tax_payments',
      'staging.stg_tax__vat_invoices',
    ]);
    // One mart row per enterprise landed (the quarantined ones never reach it).
    const enterprises = commerce.landings.find((l) => l.asset === 'raw_commerce.enterprises');
    const martRows = await martRowCount();
    expect(martRows).toBe(enterprises?.rowCount);
    expect(dbt.assets.find((asset) => asset.asset === MARTS_ENTERPRISES)?.rowCount).toBe(martRows);
  }, 600_000);

  it('a second run of the window returns the first result without landing again', async () => {
    const again = await runSourcesLanding(temporal.client, { window: WINDOW, taskQueue });
    expect(again.outcome).toBe('completed-earlier');
    expect(again.result).toEqual(first.result);
  });

  it('landing the window again (--rerun) lands the same rows with the same checksums', async () => {
    const rerun = await runSourcesLanding(temporal.client, {
      window: WINDOW,
      taskQueue,
      rerun: true,
    });
    expect(rerun.outcome).toBe('started');
    expect(landingFigures(rerun.result)).toEqual(landingFigures(first.result));
    expect(landed(rerun.result, 'commerce').landings[0]?.landingId).not.toBe(
      landed(first.result, 'commerce').landings[0]?.landingId,
    );
    expect(await martRowCount()).toBe(
      first.result.dbt?.assets.find((asset) => asset.asset === MARTS_ENTERPRISES)?.rowCount,
    );
  }, 600_000);
});
