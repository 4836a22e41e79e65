/**
 * The commerce vendor's data from a generated world (`<worldDir>/sources/commerce/*.ndjson`, see
 * simulators/world/WORLD_SYSTEM.md): each file is scanned once at start; only keys and byte
 * offsets stay in memory (ndjson-file-index.ts), records are read back from the file per request
 * and rendered in the vendor's wire shape. Records are served as the world wrote them, dirty ones
 * included (invalid codes, missing fields): telling them apart is the connector's job. Codes are
 * looked up normalised (full-width → half-width, upper case).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeCodeInput } from '@sg/domain';
import {
  beijingToEpochSeconds,
  epochSecondsToBeijing,
  epochSecondsToIsoUtc,
} from '@sg/simulator-kit';
import { createChangeFeed } from './change-feed.ts';
import type { ChangeFeedEntry } from './change-feed.ts';
import { RELATED_SECTIONS, RELATED_SECTION_NAMES, emptyRelatedCounts } from './commerce-catalog.ts';
import type { CommerceCatalog, RelatedSection } from './commerce-catalog.ts';
import { createEnterpriseStore } from './enterprise-store.ts';
import type { EnterpriseKeyFields } from './enterprise-store.ts';
import { openNdjsonLineReader, scanNdjsonLines } from './ndjson-file-index.ts';
import type { LineLocation, NdjsonLineReader } from './ndjson-file-index.ts';
import type { VendorEnterprise, VendorEnterpriseSummary } from './vendor-records.ts';

export const COMMERCE_WORLD_SUBDIR = join('sources', 'commerce');

/** Dated fields that make an enterprise show up in the change feed. */
const EVENT_DATE_FIELDS: Record<RelatedSection, readonly string[]> = {
  shareholders: [],
  executives: [],
  changes: ['changeDate'],
  penalties: ['decisionDate'],
  'abnormal-operations': ['listedDate', 'removedDate'],
  'court-cases': ['filingDate'],
  enforcements: ['filingDate'],
  'annual-reports': ['reportDate'],
};

const EPOCH_START = '1970-01-01T00:00:00Z';

interface IndexedEnterprise extends EnterpriseKeyFields, LineLocation {}

export interface WorldManifestInfo {
  readonly size?: string;
  readonly seed?: number;
  readonly asOf?: string;
}

export interface WorldCommerceCatalog extends CommerceCatalog {
  readonly worldDir: string;
  readonly manifest: WorldManifestInfo;
  /** Related rows whose code names no enterprise in enterprises.ndjson (unreachable by the API). */
  orphanCounts(): Record<RelatedSection, number>;
  close(): void;
}

/** World times: ISO-8601 with offset or Z, or Beijing 'YYYY-MM-DD[ HH:mm:ss]' → UTC ISO. */
export function worldTimeToUtcIso(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : epochSecondsToIsoUtc(Math.floor(ms / 1000));
  }
  const seconds = beijingToEpochSeconds(value);
  return seconds === undefined ? undefined : epochSecondsToIsoUtc(seconds);
}

function text(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  return typeof value === 'string' ? value : '';
}

function parseObject(line: string, where: string): Record<string, unknown> {
  const value = JSON.parse(line) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where}: not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** A world enterprise line → the vendor's detail record (field names as the API has them). */
export function worldEnterpriseToVendor(record: Record<string, unknown>): VendorEnterprise {
  const updateTime = worldTimeToUtcIso(record['updateTime']);
  const wire = {
    creditCode: record['creditCode'],
    name: record['name'],
    legalPersonName: record['legalPerson'],
    regStatus: record['regStatus'],
    regCapital: record['regCapital'],
    establishDate: record['establishDate'],
    areaCode: record['regionCode'],
    industryCode: record['industryCode'],
    updateTime:
      updateTime === undefined
        ? record['updateTime']
        : epochSecondsToBeijing(Date.parse(updateTime) / 1000),
    entityType: record['entityType'],
    address: record['address'],
    phone: record['phone'],
    businessScope: record['businessScope'],
  };
  // Served as the world has it, dirty values included; the declared type is the clean shape.
  return wire as VendorEnterprise;
}

function readManifest(worldDir: string): WorldManifestInfo {
  const path = join(worldDir, 'manifest.json');
  if (!existsSync(path)) return {};
  const manifest = parseObject(readFileSync(path, 'utf8'), path);
  const { size, seed, asOf } = manifest;
  return {
    ...(typeof size === 'string' ? { size } : {}),
    ...(typeof seed === 'number' ? { seed } : {}),
    ...(typeof asOf === 'string' ? { asOf } : {}),
  };
}

/** Scans the world's commerce files and serves them. Throws when enterprises.ndjson is missing. */
export async function openWorldCatalog(worldDir: string): Promise<WorldCommerceCatalog> {
  const dir = join(worldDir, COMMERCE_WORLD_SUBDIR);
  const enterprisesPath = join(dir, 'enterprises.ndjson');
  if (!existsSync(enterprisesPath)) {
    throw new Error(`world has no commerce enterprises file: ${enterprisesPath}`);
  }

  const indexed: IndexedEnterprise[] = [];
  const feedEntries: ChangeFeedEntry[] = [];
  await scanNdjsonLines(enterprisesPath, (line, location, lineNo) => {
    const record = parseObject(line.toString('utf8'), `${enterprisesPath}:${lineNo}`);
    const uscc = normalizeCodeInput(text(record, 'creditCode'));
    const updatedAt = worldTimeToUtcIso(record['updateTime']) ?? EPOCH_START;
    indexed.push({
      uscc,
      enterpriseName: text(record, 'name'),
      updatedAt,
      registrationStatus: text(record, 'regStatus'),
      ...location,
    });
    feedEntries.push({ uscc, changedAt: updatedAt });
  });
  const store = createEnterpriseStore(indexed);

  const enterpriseReader = openNdjsonLineReader(enterprisesPath);
  const readers = new Map<string, NdjsonLineReader>([['enterprises', enterpriseReader]]);
  const related = new Map<RelatedSection, Map<string, number[]>>();
  const counts = emptyRelatedCounts();
  const orphans = emptyRelatedCounts();
  try {
    for (const section of RELATED_SECTION_NAMES) {
      const path = join(dir, `${RELATED_SECTIONS[section]}.ndjson`);
      const byCode = new Map<string, number[]>();
      related.set(section, byCode);
      if (!existsSync(path)) continue;
      await scanNdjsonLines(path, (line, { offset, length }, lineNo) => {
        const record = parseObject(line.toString('utf8'), `${path}:${lineNo}`);
        const uscc = normalizeCodeInput(text(record, 'creditCode'));
        counts[section] += 1;
        if (store.get(uscc) === undefined) orphans[section] += 1;
        const locations = byCode.get(uscc);
        if (locations === undefined) byCode.set(uscc, [offset, length]);
        else locations.push(offset, length);
        for (const field of EVENT_DATE_FIELDS[section]) {
          const changedAt = worldTimeToUtcIso(record[field]);
          if (changedAt !== undefined) feedEntries.push({ uscc, changedAt });
        }
      });
      readers.set(section, openNdjsonLineReader(path));
    }
  } catch (error) {
    for (const reader of readers.values()) reader.close();
    throw error;
  }
  const feed = createChangeFeed(feedEntries.filter((entry) => store.get(entry.uscc) !== undefined));
  feedEntries.length = 0;

  const readEnterprise = (entry: IndexedEnterprise): Record<string, unknown> =>
    parseObject(enterpriseReader.read(entry), enterprisesPath);
  const toSummary = (entry: IndexedEnterprise): VendorEnterpriseSummary => {
    const record = readEnterprise(entry);
    return {
      creditCode: text(record, 'creditCode'),
      name: text(record, 'name'),
      legalPersonName: text(record, 'legalPerson'),
      regStatus: text(record, 'regStatus'),
      establishDate: text(record, 'establishDate'),
    };
  };

  return {
    worldDir,
    manifest: readManifest(worldDir),
    size: store.size,
    changeFeedSize: feed.size,
    detail(uscc) {
      const entry = store.get(uscc);
      return entry === undefined ? undefined : worldEnterpriseToVendor(readEnterprise(entry));
    },
    search(keyword, page, pageSize) {
      const result = store.search(keyword, page, pageSize);
      return { total: result.total, items: result.items.map(toSummary) };
    },
    list(query) {
      const result = store.list(query);
      return {
        items: result.items.map((entry) => worldEnterpriseToVendor(readEnterprise(entry))),
        nextCursor: result.nextCursor,
      };
    },
    related(section, uscc, page, pageSize) {
      const code = normalizeCodeInput(uscc);
      if (store.get(code) === undefined) return undefined;
      const locations = related.get(section)?.get(code) ?? [];
      const reader = readers.get(section);
      const items: Record<string, unknown>[] = [];
      const start = (page - 1) * pageSize;
      const end = Math.min(start + pageSize, locations.length / 2);
      for (let i = start; i < end && reader !== undefined; i += 1) {
        const offset = locations[2 * i] ?? 0;
        const length = locations[2 * i + 1] ?? 0;
        const item = parseObject(reader.read({ offset, length }), section);
        Reflect.deleteProperty(item, 'creditCode');
        items.push(item);
      }
      return { total: locations.length / 2, items };
    },
    changes: (query) => feed.page(query),
    countByStatus: () => store.countByStatus(),
    relatedCounts: () => ({ ...counts }),
    orphanCounts: () => ({ ...orphans }),
    close() {
      for (const reader of readers.values()) reader.close();
    },
  };
}
