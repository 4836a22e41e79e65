// The five sources of the tiny world (seed 640000), made real for tests that land them: the
// commerce simulator serving the world (child process), the legacy business database seeded into
// a database of its own on the test PostgreSQL, and the tax bureau's monthly drops of every period,
// the banks' drops and the finance system's month-end exports written into inbox folders by their
// simulators' CLIs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresTestDatabase } from '@sg/test-databases';
import type { ServerTestDatabase } from '@sg/test-databases';
import type { SourceDefinition } from '@sg/source-contract';
import type { LandingMetadata, SourceLandingMetadata } from '../activities/activity-metadata.ts';
import { startCommerceSimulatorProcess } from './commerce-simulator-process.ts';
import type { SimulatorProcess } from './commerce-simulator-process.ts';
import {
  generateTinyWorld,
  seedBusinessDatabase,
  worldTaxPeriods,
  writeBankDrops,
  writeFinanceDrops,
  writeTaxDrops,
} from './simulator-cli.ts';
import type { WorldManifest } from './simulator-cli.ts';

export interface TinyWorldSources {
  /** Scratch folder holding the world and the inboxes (removed by dispose). */
  readonly dir: string;
  readonly worldDir: string;
  readonly manifest: WorldManifest;
  /** The tax periods of the world's invoices and payments, in order. */
  readonly periods: readonly string[];
  readonly simulator: SimulatorProcess;
  readonly businessDb: ServerTestDatabase;
  readonly inboxes: { readonly tax: string; readonly bank: string; readonly finance: string };
  /** The variables that point `resourcesFromEnv` at these sources. */
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

const API = { apiKey: 'tiny-world-key', apiSecret: 'tiny-world-secret' };

/** Generates the tiny world and starts or writes its five sources (`name`: the database's). */
export async function prepareTinyWorldSources(name: string): Promise<TinyWorldSources> {
  const dir = await mkdtemp(path.join(tmpdir(), `sg-${name}-`));
  const worldDir = path.join(dir, 'world');
  const manifest = await generateTinyWorld(worldDir);
  const periods = await worldTaxPeriods(worldDir);
  const inboxes = {
    tax: path.join(dir, 'tax-inbox'),
    bank: path.join(dir, 'bank-inbox'),
    finance: path.join(dir, 'finance-inbox'),
  };
  const [simulator, businessDb] = await Promise.all([
    startCommerceSimulatorProcess({ worldDir, rateLimit: 0, ...API }),
    createPostgresTestDatabase(name),
    writeTaxDrops(worldDir, inboxes.tax, periods),
    writeBankDrops(worldDir, inboxes.bank),
    writeFinanceDrops(worldDir, inboxes.finance),
  ]);
  await seedBusinessDatabase(worldDir, businessDb.url);
  return {
    dir,
    worldDir,
    manifest,
    periods,
    simulator,
    businessDb,
    inboxes,
    env: {
      SG_COMMERCE_BASE_URL: simulator.url,
      SG_COMMERCE_API_KEY: API.apiKey,
      SG_COMMERCE_API_SECRET: API.apiSecret,
      SG_BUSINESS_DB_URL: businessDb.url,
      SG_TAX_INBOX_DIR: inboxes.tax,
      SG_BANK_INBOX_DIR: inboxes.bank,
      SG_FINANCE_INBOX_DIR: inboxes.finance,
    },
    async dispose() {
      await simulator.stop();
      await businessDb.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** landed + quarantined per raw asset, summed over windows (tax: over periods). */
export function receivedByAsset(landings: readonly LandingMetadata[]): Record<string, number> {
  const received: Record<string, number> = {};
  for (const landing of landings) {
    received[landing.asset] =
      (received[landing.asset] ?? 0) + landing.rowCount + landing.quarantinedCount;
  }
  return received;
}

/**
 * One source's landing against the world, per raw table the world has a file for
 * (`sources/<source>/<entity>.ndjson`; tables only the landing makes — change feed, deletions,
 * drift — are left out): what the source received (landed + quarantined, + the copies collapsed
 * across overlapping drops a source reports as `collapsedDuplicates`, − the rows a file adds
 * beyond the records, such as subtotal lines, reported as `exportOnlyRows`) and the world's rows.
 */
export function reconcileWithWorld(
  manifest: WorldManifest,
  source: SourceDefinition,
  metadata: SourceLandingMetadata,
): { readonly received: Record<string, number>; readonly world: Record<string, number> } {
  const all = receivedByAsset(metadata.landings);
  const collapsed = (metadata.details['collapsedDuplicates'] ?? {}) as Record<string, number>;
  const exportOnly = (metadata.details['exportOnlyRows'] ?? {}) as Record<string, number>;
  const received: Record<string, number> = {};
  const world: Record<string, number> = {};
  for (const { entity } of source.rawTables) {
    const rows = manifest.files[`sources/${source.name}/${entity}.ndjson`]?.rows;
    if (rows === undefined) continue;
    const asset = `raw_${source.name}.${entity}`;
    world[asset] = rows;
    received[asset] = (all[asset] ?? 0) + (collapsed[entity] ?? 0) - (exportOnly[entity] ?? 0);
  }
  return { received, world };
}
