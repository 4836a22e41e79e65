/**
 * Extraction of the whole commerce source for one window into one NDJSON work file per raw
 * entity: `enterprises`, the seven related entities (shareholders … enforcements) and
 * `change_feed`. Two pulls:
 *   full     every enterprise of the bulk listing, with all its related lists;
 *   changes  only the enterprises the change feed names after `since`: each one's detail and all
 *            its related lists (its complete current state, so deletions show as absence).
 * Either way the change feed is read first (from the start for a full pull) and its entries are
 * kept, so the next incremental pull knows where to resume; changes made while a pull runs are
 * therefore pulled again next time (at least once, never lost).
 * Records are validated one by one: invalid ones are quarantined with a Chinese reason, and the
 * related records of a quarantined enterprise are quarantined with it, so for every entity
 * received = landed + quarantined. Enterprises are processed a listing page at a time, their
 * related lists fetched with bounded concurrency; files keep the listing order.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeCodeInput } from '@sg/domain';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import { mapBounded } from './bounded-concurrency.ts';
import type { CommerceSourceClient } from './client.ts';
import {
  DEFAULT_EXTRACT_PAGE_SIZE,
  assertWindow,
  judgeRecord,
  quarantinedRecord,
} from './enterprise-records.ts';
import { createNdjsonSink } from './ndjson-sink.ts';
import type { NdjsonSink } from './ndjson-sink.ts';
import { RELATED_ENTITIES, judgeRelatedRecord, quarantineWithParent } from './related-entities.ts';
import type { RelatedEntity } from './related-entities.ts';
import { updateTimeSchema } from './schemas.ts';
import {
  COMMERCE_CHANGE_FEED_COLUMNS,
  beijingTimeToUtc,
  commerceEnterpriseColumnSpecs,
  toColumnSpecs,
} from './type-mapping.ts';

/** The source name: its raw tables are `raw_commerce.<entity>`. */
export const COMMERCE_SOURCE = 'commerce';
export const ENTERPRISES_ENTITY = 'enterprises';
export const CHANGE_FEED_ENTITY = 'change_feed';
/** The raw entities of the commerce source, in landing order (change_feed comes last). */
export const COMMERCE_ENTITIES = [
  ENTERPRISES_ENTITY,
  ...RELATED_ENTITIES.map((e) => e.entity),
] as const;

export type SourcePull =
  { readonly kind: 'full' } | { readonly kind: 'changes'; readonly since: string };

export interface SourceExtractOptions {
  readonly window: string;
  readonly outDir: string;
  readonly pull: SourcePull;
  /** Enterprises per batch (listing page size, 1–200). Default 100. */
  readonly pageSize?: number;
  /** Related-list page size, 1–100. Default 100. */
  readonly relatedPageSize?: number;
  /** Change-feed page size, 1–500. Default 500. */
  readonly feedPageSize?: number;
  /** Enterprises whose related lists are fetched at the same time. Default 4. */
  readonly concurrency?: number;
  /** Stops between batches when aborted. */
  readonly signal?: AbortSignal;
}

export interface EntityExtract {
  readonly entity: string;
  readonly ndjsonPath: string;
  readonly columns: ColumnSpec[];
  /** Rows written. */
  readonly count: number;
  readonly quarantined: QuarantinedRecord[];
  /** Records the vendor returned (count + quarantined). */
  readonly receivedCount: number;
}

export interface SourceExtractResult {
  readonly pull: SourcePull;
  /** enterprises, the related entities, then change_feed. */
  readonly entities: readonly EntityExtract[];
  /** Resume point for the next incremental pull; null when the feed was empty from its start. */
  readonly feedCursor: string | null;
  /** Enterprises whose related lists were pulled (valid ones and quarantined ones with a code). */
  readonly enterprisesPulled: number;
  /** Codes the change feed named that the vendor no longer knows (detail answered 404). */
  readonly enterprisesGone: readonly string[];
}

export const DEFAULT_RELATED_PAGE_SIZE = 100;
export const DEFAULT_FEED_PAGE_SIZE = 500;
export const DEFAULT_RELATED_CONCURRENCY = 4;

interface Accumulator {
  readonly entity: string;
  readonly columns: ColumnSpec[];
  readonly sink: NdjsonSink;
  count: number;
  receivedCount: number;
  readonly quarantined: QuarantinedRecord[];
}

interface PullTarget {
  readonly code: string;
  /** Set when the enterprise's own record was quarantined. */
  readonly parentReason: string | null;
}

/** The code a (possibly invalid) enterprise record names, if any. */
function namedCode(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('creditCode' in record)) return undefined;
  const code = record.creditCode;
  return typeof code === 'string' && code.trim() !== '' ? normalizeCodeInput(code) : undefined;
}

async function pullRelatedLists(
  client: CommerceSourceClient,
  code: string,
  pageSize: number,
): Promise<unknown[][]> {
  const lists: unknown[][] = [];
  for (const entity of RELATED_ENTITIES) {
    const records: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const result = await client.listRelated(entity.list, code, { page, pageSize });
      if (result === null) break; // the vendor no longer knows the enterprise
      records.push(...result.items);
      if (result.items.length === 0 || records.length >= result.total) break;
    }
    lists.push(records);
  }
  return lists;
}

/** One extraction's work files, counts and quarantine, and what it has pulled so far. */
class CommerceExtraction {
  readonly enterprises: Accumulator;
  readonly related: readonly { entity: RelatedEntity; acc: Accumulator }[];
  readonly feed: Accumulator;
  readonly seenEnterprises = new Set<string>();
  readonly pulledCodes = new Set<string>();
  readonly gone: string[] = [];
  private readonly pageSize: number;
  private readonly relatedPageSize: number;
  private readonly concurrency: number;

  private readonly client: CommerceSourceClient;
  private readonly options: SourceExtractOptions;

  constructor(client: CommerceSourceClient, options: SourceExtractOptions) {
    this.client = client;
    this.options = options;
    this.pageSize = options.pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE;
    this.relatedPageSize = options.relatedPageSize ?? DEFAULT_RELATED_PAGE_SIZE;
    this.concurrency = options.concurrency ?? DEFAULT_RELATED_CONCURRENCY;
    this.enterprises = this.open(ENTERPRISES_ENTITY, commerceEnterpriseColumnSpecs());
    this.related = RELATED_ENTITIES.map((entity) => ({
      entity,
      acc: this.open(entity.entity, toColumnSpecs(entity.columns)),
    }));
    this.feed = this.open(CHANGE_FEED_ENTITY, toColumnSpecs(COMMERCE_CHANGE_FEED_COLUMNS));
  }

  get all(): Accumulator[] {
    return [this.enterprises, ...this.related.map((r) => r.acc), this.feed];
  }

  private open(entity: string, columns: ColumnSpec[]): Accumulator {
    const file = `commerce-${entity}-${this.options.window}.ndjson`;
    return {
      entity,
      columns,
      sink: createNdjsonSink(join(this.options.outDir, file)),
      count: 0,
      receivedCount: 0,
      quarantined: [],
    };
  }

  /**
   * Reads the change feed from `since` (a full pull: from its start) into `change_feed`; returns
   * the codes it names, first mention first, and the cursor the next incremental pull resumes at.
   */
  async readChangeFeed(): Promise<{ changed: string[]; feedCursor: string | null }> {
    const { feed, options } = this;
    const changed: string[] = [];
    const changedSeen = new Set<string>();
    let since = options.pull.kind === 'changes' ? options.pull.since : undefined;
    let feedCursor: string | null;
    for (;;) {
      options.signal?.throwIfAborted();
      const page = await this.client.listChanges({
        pageSize: options.feedPageSize ?? DEFAULT_FEED_PAGE_SIZE,
        ...(since === undefined ? {} : { since }),
      });
      feed.receivedCount += page.items.length;
      let chunk = '';
      for (const item of page.items) {
        const time = updateTimeSchema.safeParse(item.changeTime);
        if (!time.success) {
          feed.quarantined.push(
            quarantinedRecord(item, 'change_time_invalid', `变更时间无效：“${item.changeTime}”`),
          );
          continue;
        }
        const uscc = normalizeCodeInput(item.creditCode);
        const row = { uscc, changed_at: beijingTimeToUtc(time.data), feed_cursor: page.cursor };
        chunk += `${JSON.stringify(row)}\n`;
        feed.count += 1;
        if (!changedSeen.has(uscc)) {
          changedSeen.add(uscc);
          changed.push(uscc);
        }
      }
      await feed.sink.write(chunk);
      feedCursor = page.cursor;
      if (!page.hasMore) break;
      if (page.cursor === since) {
        throw new Error(`工商数据变更流返回了重复的游标，已停止以免死循环：${page.cursor}`);
      }
      since = page.cursor;
    }
    return { changed, feedCursor };
  }

  /** Every enterprise of the bulk listing, a page at a time. */
  async pullAll(): Promise<void> {
    let cursor: string | undefined;
    do {
      this.options.signal?.throwIfAborted();
      const page = await this.client.listEnterprises({
        pageSize: this.pageSize,
        ...(cursor === undefined ? {} : { cursor }),
      });
      await this.processBatch(page.items);
      if (page.nextCursor !== null && page.nextCursor === cursor) {
        throw new Error(`工商数据接口返回了重复的分页游标，已停止以免死循环：${cursor}`);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  /** The enterprises the change feed named: each one's detail (gone when the vendor answers 404). */
  async pullChanged(changed: readonly string[]): Promise<void> {
    for (let start = 0; start < changed.length; start += this.pageSize) {
      this.options.signal?.throwIfAborted();
      const codes = changed.slice(start, start + this.pageSize);
      const details = await mapBounded(codes, this.concurrency, (code) =>
        this.client.getEnterprise(code),
      );
      const found: unknown[] = [];
      for (const [i, detail] of details.entries()) {
        if (detail === null) this.gone.push(codes[i] ?? '');
        else found.push(detail);
      }
      await this.processBatch(found);
    }
  }

  /** Judges a batch of enterprise records, then pulls and judges their related lists. */
  private async processBatch(records: readonly unknown[]): Promise<void> {
    const targets = await this.judgeEnterprises(records);
    const pulled = await mapBounded(targets, this.concurrency, (target) =>
      pullRelatedLists(this.client, target.code, this.relatedPageSize),
    );
    for (const [r, { entity, acc }] of this.related.entries()) {
      let lines = '';
      for (const [t, target] of targets.entries()) {
        lines += judgeRelatedList(entity, acc, target, pulled[t]?.[r] ?? []);
      }
      await acc.sink.write(lines);
    }
  }

  /** Writes the valid, first-seen enterprises; returns whose related lists to pull. */
  private async judgeEnterprises(records: readonly unknown[]): Promise<PullTarget[]> {
    const { enterprises, seenEnterprises, pulledCodes } = this;
    const targets: PullTarget[] = [];
    let chunk = '';
    for (const record of records) {
      enterprises.receivedCount += 1;
      const verdict = judgeRecord(record);
      if (verdict.ok && seenEnterprises.has(verdict.uscc)) {
        const reason = `同一窗口内重复的统一社会信用代码 ${verdict.uscc}（已保留首次出现的记录）`;
        enterprises.quarantined.push(quarantinedRecord(record, 'duplicate_record', reason));
        continue;
      }
      if (verdict.ok) {
        seenEnterprises.add(verdict.uscc);
        chunk += verdict.line;
        enterprises.count += 1;
        targets.push({ code: verdict.uscc, parentReason: null });
        pulledCodes.add(verdict.uscc);
        continue;
      }
      enterprises.quarantined.push(verdict.quarantined);
      const code = namedCode(record);
      if (code !== undefined && !pulledCodes.has(code)) {
        targets.push({ code, parentReason: verdict.quarantined.reason });
        pulledCodes.add(code);
      }
    }
    await enterprises.sink.write(chunk);
    return targets;
  }
}

/**
 * Judges one enterprise's list of one related entity: everything is quarantined with its parent
 * when the enterprise was; invalid and repeated records are quarantined. Returns the NDJSON lines.
 */
function judgeRelatedList(
  entity: RelatedEntity,
  acc: Accumulator,
  target: PullTarget,
  records: readonly unknown[],
): string {
  const keys = new Set<string>();
  let lines = '';
  for (const record of records) {
    acc.receivedCount += 1;
    if (target.parentReason !== null) {
      acc.quarantined.push(quarantineWithParent(entity, target.code, record, target.parentReason));
      continue;
    }
    const verdict = judgeRelatedRecord(entity, target.code, record);
    if (!verdict.ok) {
      acc.quarantined.push(verdict.quarantined);
    } else if (keys.has(verdict.key)) {
      acc.quarantined.push(duplicateRelated(entity, target.code, record));
    } else {
      keys.add(verdict.key);
      lines += verdict.line;
      acc.count += 1;
    }
  }
  return lines;
}

export async function extractCommerceSource(
  client: CommerceSourceClient,
  options: SourceExtractOptions,
): Promise<SourceExtractResult> {
  assertWindow(options.window);
  await mkdir(options.outDir, { recursive: true });
  const extraction = new CommerceExtraction(client, options);
  const all = extraction.all;
  try {
    // 1. The change feed: where the next incremental pull resumes, and (changes) what to pull.
    const { changed, feedCursor } = await extraction.readChangeFeed();
    // 2. The enterprises and their related lists, a batch at a time.
    if (options.pull.kind === 'full') await extraction.pullAll();
    else await extraction.pullChanged(changed);
    for (const acc of all) await acc.sink.end();
    return {
      pull: options.pull,
      entities: all.map(({ entity, columns, sink, count, quarantined, receivedCount }) => ({
        entity,
        ndjsonPath: sink.path,
        columns,
        count,
        quarantined,
        receivedCount,
      })),
      feedCursor,
      enterprisesPulled: extraction.pulledCodes.size,
      enterprisesGone: extraction.gone,
    };
  } catch (error) {
    for (const acc of all) acc.sink.destroy();
    throw error;
  }
}

function duplicateRelated(entity: RelatedEntity, uscc: string, record: unknown): QuarantinedRecord {
  return quarantinedRecord(
    typeof record === 'object' && record !== null ? { creditCode: uscc, ...record } : record,
    'duplicate_record',
    `同一企业 ${uscc} 的${entity.label}记录重复（已保留首次出现的记录）`,
  );
}
