/**
 * Landing the whole commerce source for one window: one `landRecords` call per raw entity
 * (`raw_commerce.enterprises`, the seven related entities, then `raw_commerce.change_feed`), each
 * replacing that window atomically.
 *
 * Window semantics:
 * - A full landing's window holds the complete state of every enterprise the vendor lists.
 * - An incremental landing's window holds the complete current state (its record and all its
 *   related rows) of each enterprise the change feed named since the resume cursor — nothing of
 *   the others. So the current state of an enterprise is: its rows, in every entity, from the
 *   latest window (windows sort in landing order, e.g. dates) in which `raw_commerce.enterprises`
 *   has it; a related row missing from that window was deleted at the vendor.
 * - The resume cursor is the `feed_cursor` of the latest `change_feed` entry landed in any *other*
 *   window, so re-running a window (after a crash, or on purpose) pulls the same changes again and
 *   replaces it — no gaps, no duplicates. `change_feed` lands last: a crash before it leaves the
 *   cursor where it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landRecords } from '@sg/lake';
import { sqlString } from '@sg/sql-text';
import type { Lake, LandingResult } from '@sg/lake';
import { z } from 'zod';
import type { CommerceSourceClient } from './client.ts';
import { CHANGE_FEED_ENTITY, COMMERCE_SOURCE, extractCommerceSource } from './extract-source.ts';
import type { SourcePull } from './extract-source.ts';

export interface LandCommerceSourceOptions {
  /**
   * 'incremental' (default) pulls only what the change feed names after the resume cursor, or
   * everything when the lake has no cursor yet; 'full' pulls everything.
   */
  readonly mode?: 'full' | 'incremental';
  /** Overrides the resume cursor read from the lake (incremental only). */
  readonly since?: string;
  /** Parent of the temporary work directory. Default: the OS temp directory. */
  readonly workDir?: string;
  readonly pageSize?: number;
  readonly relatedPageSize?: number;
  readonly feedPageSize?: number;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each entity has landed (progress, e.g. an activity heartbeat). */
  readonly onLanded?: (entity: string, result: LandingResult) => void | Promise<void>;
}

export interface CommerceSourceLanding {
  readonly window: string;
  readonly mode: 'full' | 'incremental';
  /** The cursor the incremental pull resumed from (null for a full landing). */
  readonly since: string | null;
  /** Where the next incremental landing will resume. */
  readonly feedCursor: string | null;
  readonly enterprisesPulled: number;
  readonly enterprisesGone: readonly string[];
  /** Per raw entity (enterprises … enforcements, change_feed). */
  readonly landings: Readonly<Record<string, LandingResult>>;
}

const cursorRowSchema = z.object({ feed_cursor: z.string() });

/**
 * The cursor an incremental landing of `window` resumes from: that of the latest change-feed entry
 * landed in another window; null when there is none.
 */
export async function readCommerceFeedCursor(lake: Lake, window: string): Promise<string | null> {
  // Concurrency: lake.connection is this landing's (the activity opens its own Lake), used in turn (0006).
  const exists = await lake.connection.runAndReadAll(
    `select count(*)::integer as n from information_schema.tables
      where table_catalog = 'lake' and table_schema = ${sqlString(`raw_${COMMERCE_SOURCE}`)}
        and table_name = ${sqlString(CHANGE_FEED_ENTITY)}`,
  );
  if (exists.getRowObjectsJson()[0]?.['n'] === 0) return null;
  const reader = await lake.connection.runAndReadAll(
    `select feed_cursor from lake.raw_${COMMERCE_SOURCE}.${CHANGE_FEED_ENTITY}
      where _window <> ${sqlString(window)}
      order by changed_at desc, uscc desc limit 1`,
  );
  const [row] = z.array(cursorRowSchema).parse(reader.getRowObjectsJson());
  return row?.feed_cursor ?? null;
}

export async function landCommerceSource(
  lake: Lake,
  client: CommerceSourceClient,
  window: string,
  options: LandCommerceSourceOptions = {},
): Promise<CommerceSourceLanding> {
  const since =
    options.mode === 'full'
      ? null
      : (options.since ?? (await readCommerceFeedCursor(lake, window)));
  const pull: SourcePull = since === null ? { kind: 'full' } : { kind: 'changes', since };
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-commerce-source-'));
  try {
    const extracted = await extractCommerceSource(client, {
      window,
      outDir,
      pull,
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.relatedPageSize === undefined
        ? {}
        : { relatedPageSize: options.relatedPageSize }),
      ...(options.feedPageSize === undefined ? {} : { feedPageSize: options.feedPageSize }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const landings: Record<string, LandingResult> = {};
    for (const entity of extracted.entities) {
      options.signal?.throwIfAborted();
      const landing = await landRecords(lake, {
        source: COMMERCE_SOURCE,
        entity: entity.entity,
        window,
        columns: entity.columns,
        ndjsonPath: entity.ndjsonPath,
        quarantined: entity.quarantined,
      });
      landings[entity.entity] = landing;
      await options.onLanded?.(entity.entity, landing);
    }
    return {
      window,
      mode: pull.kind === 'full' ? 'full' : 'incremental',
      since,
      feedCursor: extracted.feedCursor,
      enterprisesPulled: extracted.enterprisesPulled,
      enterprisesGone: extracted.enterprisesGone,
      landings,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
